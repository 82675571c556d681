using System.Text.Json.Serialization;
using Liveness.Host.Api;
using Liveness.Host.Plugins;

namespace Liveness.Host.Admin;

/// <summary>The admin API over the backend plugins: what is loaded, which serve, switching roles and rescanning.</summary>
internal static class BackendAdminEndpoints
{
    public sealed record ActiveRequest(
        [property: JsonPropertyName("detector")] string? Detector,
        [property: JsonPropertyName("classifier")] string? Classifier,
        [property: JsonPropertyName("sceneDetector")] string? SceneDetector = null);

    public static void MapBackendAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var backends = endpoints.MapGroup("/admin/backends");
        backends.MapGet("", (BackendRegistry registry, CancellationToken cancellationToken) => DescribeAsync(registry, cancellationToken));
        backends.MapPut("/active", async (ActiveRequest? request, BackendRegistry registry, CancellationToken cancellationToken) =>
        {
            if (request is null || (request.Detector is null && request.Classifier is null && request.SceneDetector is null))
            {
                throw LivenessError.InvalidArgument(
                    "send {\"detector\": NAME, \"classifier\": NAME, \"sceneDetector\": NAME} with at least one of them (sceneDetector \"\" serves none)");
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
        }).AddEndpointFilter<AdminKey>();
        backends.MapPost("/reload", async (BackendRegistry registry, CancellationToken cancellationToken) =>
        {
            await registry.ScanAsync(cancellationToken);
            return await DescribeAsync(registry, cancellationToken);
        }).AddEndpointFilter<AdminKey>();
    }

    private static async Task<IResult> DescribeAsync(BackendRegistry registry, CancellationToken cancellationToken)
    {
        var (loaded, history) = await registry.SnapshotAsync(cancellationToken);
        var serving = registry.Serving;
        return Results.Json(new
        {
            active = new
            {
                detector = serving?.DetectorBackend.Name,
                classifier = serving?.ClassifierBackend.Name,
                sceneDetector = serving?.SceneDetectorBackend?.Name,
            },
            backends = loaded.Select(backend => new
            {
                name = backend.Name,
                version = backend.Manifest.Version,
                roles = backend.Manifest.Roles.Select(role => role.ToString().ToLowerInvariant()),
                state = serving?.Serves(backend) == true ? "serving" : "loaded",
                loadedAt = backend.LoadedAt,
                folder = backend.Folder,
                models = backend.Manifest.Models.Select(model => new { name = model.Name, sha256 = model.Sha256 }),
            }),
            plugins = history.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => new
            {
                folder = pair.Key,
                loads = pair.Value.Succeeded,
                failures = pair.Value.Failed,
                lastError = pair.Value.LastError,
                lastAttempt = pair.Value.LastAttempt,
            }),
        });
    }
}
