namespace Liveness.Host.Plugins;

/// <summary>How loading one plugin folder has gone: counts of loads that served and loads that were refused, and the last reason.</summary>
internal sealed record PluginHistory(int Succeeded, int Failed, string? LastError, DateTimeOffset LastAttempt)
{
    public static readonly PluginHistory None = new(0, 0, null, DateTimeOffset.MinValue);

    public PluginHistory Success() => this with { Succeeded = Succeeded + 1, LastError = null, LastAttempt = DateTimeOffset.UtcNow };

    public PluginHistory Failure(string reason) => this with { Failed = Failed + 1, LastError = reason, LastAttempt = DateTimeOffset.UtcNow };
}
