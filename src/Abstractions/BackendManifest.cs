using System.Text.Json;
using System.Text.Json.Serialization;

namespace Liveness.Abstractions;

/// <summary>What a backend plugin declares about itself, read from the <c>plugin.json</c> in its folder.</summary>
/// <param name="Name">The name operators select the backend by (<c>onnx</c>, <c>torch</c>).</param>
/// <param name="Assembly">The plugin's assembly file, relative to its folder.</param>
public sealed record BackendManifest(
    string Name,
    string Version,
    string Assembly,
    IReadOnlyList<BackendRole> Roles,
    IReadOnlyList<ModelFile> Models)
{
    // camelCase names, roles by name: the one way every reader (host, tests, benchmarks) reads plugin.json.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static BackendManifest Parse(string json) =>
        JsonSerializer.Deserialize<BackendManifest>(json, Json) ?? throw new InvalidDataException("plugin.json is empty");

    public static async Task<BackendManifest> ReadAsync(Stream json, CancellationToken cancellationToken) =>
        await JsonSerializer.DeserializeAsync<BackendManifest>(json, Json, cancellationToken)
            ?? throw new InvalidDataException("plugin.json is empty");
}

/// <summary>A model file a backend needs, pinned by name and sha256, and where it can be fetched from.</summary>
/// <param name="Name">The file name, also its path relative to the model directory and mirror (e.g. <c>blazeface/x.onnx</c>).</param>
/// <param name="Upstream">The upstream URL; for a <c>.tgz</c> archive, <paramref name="ArchiveEntry"/> names the file inside it.</param>
public sealed record ModelFile(string Name, string Sha256, string Upstream, string? ArchiveEntry = null);
