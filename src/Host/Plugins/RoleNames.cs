using Liveness.Abstractions;

namespace Liveness.Host.Plugins;

/// <summary>
/// How a role is written wherever a user reads it: the <c>role</c> label of the metrics, the admin API's roles, the
/// response details and the audit. Snake case, as every other label value (<c>device_in_view</c>, <c>short_time</c>).
/// </summary>
internal static class RoleNames
{
    public static string Of(BackendRole role) => role switch
    {
        BackendRole.Detector => "detector",
        BackendRole.Classifier => "classifier",
        BackendRole.SceneDetector => "scene_detector",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };
}
