using Liveness.Host.Contract;
using Microsoft.Extensions.Options;

namespace Liveness.Host;

/// <summary>
/// Settings that were renamed. A host given an old name stops at start and names the new one: it would otherwise
/// run with the default in its place (a 64 MiB body limit where the operator had set 16 MiB), and nobody would know.
/// </summary>
internal static class RenamedSettings
{
    private static readonly (string Old, string New)[] Renamed =
    [
        ("Front:MaxRequestBytes", "RequestBody:MaxBytes"),
        ("Api:MaxRequestBytes", "RequestBody:MaxBytes"),
        ("Front:MinRequestBytesPerSecond", "RequestBody:MinBytesPerSecond"),
        ("Api:MinRequestBytesPerSecond", "RequestBody:MinBytesPerSecond"),
        ("Front:MinRequestRateGracePeriod", "RequestBody:MinRateGracePeriod"),
        ("Api:MinRequestRateGracePeriod", "RequestBody:MinRateGracePeriod"),
    ];

    public static void Refuse(IConfiguration configuration)
    {
        var used = Renamed.Where(setting => configuration[setting.Old] is not null).ToList();
        if (used.Count > 0)
        {
            throw new OptionsValidationException(RequestBodyOptions.Section, typeof(RequestBodyOptions),
                used.Select(setting => $"{setting.Old} is no longer a setting: use {setting.New}"));
        }
    }
}
