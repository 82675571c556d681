namespace Liveness.Host.Admin;

/// <summary>The admin API's credentials (section <c>Admin</c>).</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>The value mutating admin calls must send in <c>X-Admin-Key</c>; while empty, they are all refused (403).</summary>
    public string Key { get; set; } = "";
}
