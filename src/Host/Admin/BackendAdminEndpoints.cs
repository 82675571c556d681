using System.Buffers;
using System.Text.Json.Serialization;
using Liveness.Host.Contract;
using Liveness.Host.Plugins;

namespace Liveness.Host.Admin;

/// <summary>The admin API over the backend plugins: what is loaded, which serve, switching roles and rescanning.</summary>
internal static class BackendAdminEndpoints
{
    private const int MaxNameLength = 64;

    private static readonly SearchValues<char> NameCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-");

    public sealed record ActiveRequest(
        [property: JsonPropertyName("detector")] string? Detector,
        [property: JsonPropertyName("classifier")] string? Classifier,
        [property: JsonPropertyName("sceneDetector")] string? SceneDetector = null);

    public static void MapBackendAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var backends = endpoints.MapGroup("/admin/backends").WithTags("admin");
        backends.MapGet("", (BackendRegistry registry, CancellationToken cancellationToken) => DescribeAsync(registry, cancellationToken))
            .WithName("listBackends").WithSummary("The loaded backends, the one serving each role and each plugin folder's history");
        backends.MapPut("/active", async (ActiveRequest? request, BackendRegistry registry, CancellationToken cancellationToken) =>
        {
            if (request is null || (request.Detector is null && request.Classifier is null && request.SceneDetector is null))
            {
                throw LivenessError.InvalidArgument(
                    "send {\"detector\": NAME, \"classifier\": NAME, \"sceneDetector\": NAME} with at least one of them (sceneDetector \"\" serves none)");
            }

            // The registry's errors quote the names given: only plugin-like names get that far.
            CheckName("detector", request.Detector);
            CheckName("classifier", request.Classifier);
            if (request.SceneDetector is { Length: > 0 })
            {
                CheckName("sceneDetector", request.SceneDetector);
            }

            try
            {
                await registry.ActivateAsync(request.Detector, request.Classifier, request.SceneDetector, cancellationToken);
            }
            catch (BackendSelectionException e)
            {
                throw LivenessError.InvalidArgument(e.Message);
            }

            return await DescribeAsync(registry, cancellationToken);
        }).RequireAdminKey().WithName("activateBackends").WithSummary("Switch the backend serving one or more roles (drains the old ones)")
            .Produces<ErrorResponse>(StatusCodes.Status400BadRequest);
        backends.MapPost("/reload", async (BackendRegistry registry, CancellationToken cancellationToken) =>
        {
            await registry.ScanAsync(cancellationToken);
            return await DescribeAsync(registry, cancellationToken);
        }).RequireAdminKey().WithName("reloadBackends").WithSummary("Rescan the plugin folders now and load what changed");
    }

    private static void CheckName(string role, string? name)
    {
        if (name is not null && (name.Length is 0 or > MaxNameLength || name.AsSpan().ContainsAnyExcept(NameCharacters)))
        {
            throw LivenessError.InvalidArgument($"{role} must be a backend name: 1 to {MaxNameLength} letters, digits, '.', '_' or '-'");
        }
    }

    private static async Task<BackendsView> DescribeAsync(BackendRegistry registry, CancellationToken cancellationToken)
    {
        var (loaded, history) = await registry.SnapshotAsync(cancellationToken);
        var serving = registry.Serving;
        return new BackendsView(
            new BackendsView.ActiveRoles(serving?.DetectorBackend.Name, serving?.ClassifierBackend.Name, serving?.SceneDetectorBackend?.Name),
            [.. loaded.Select(backend => new BackendsView.Backend(
                backend.Name,
                backend.Manifest.Version,
                [.. backend.Manifest.Roles.Select(RoleNames.Of)],
                serving?.Serves(backend) == true ? "serving" : "loaded",
                backend.LoadedAt,
                backend.Folder,
                [.. backend.Manifest.Models.Select(model => new BackendsView.Model(model.Name, model.Sha256))]))],
            [.. history.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => new BackendsView.Plugin(
                pair.Key, pair.Value.Succeeded, pair.Value.Failed, pair.Value.LastError, pair.Value.LastAttempt))]);
    }
}
