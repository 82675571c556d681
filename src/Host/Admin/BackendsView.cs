using System.ComponentModel;

namespace Liveness.Host.Admin;

/// <summary>What <c>/admin/backends</c> answers: the backend serving each role, every loaded backend, and each plugin folder's load history.</summary>
internal sealed record BackendsView(
    [property: Description("The backends serving each role; null while none is.")] BackendsView.ActiveRoles Active,
    IReadOnlyList<BackendsView.Backend> Backends,
    IReadOnlyList<BackendsView.Plugin> Plugins)
{
    public sealed record ActiveRoles(string? Detector, string? Classifier, string? SceneDetector);

    public sealed record Backend(
        string Name,
        string Version,
        [property: Description("detector, classifier, scene_detector")] IReadOnlyList<string> Roles,
        [property: Description("serving (active in at least one role) or loaded")] string State,
        DateTimeOffset LoadedAt,
        string Folder,
        IReadOnlyList<Model> Models);

    public sealed record Model(string Name, string Sha256);

    public sealed record Plugin(
        string Folder,
        [property: Description("Successful loads of this folder")] int Loads,
        [property: Description("Failed loads (a bad plugin stays out of service; the host keeps running)")] int Failures,
        string? LastError,
        DateTimeOffset LastAttempt);
}
