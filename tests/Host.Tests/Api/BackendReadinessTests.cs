namespace Liveness.Host.Tests.Api;

/// <summary>A model that fails its checksum is never served: the check answers 4007 with 503 instead.</summary>
public sealed class BackendReadinessTests
{
    [Fact]
    public async Task With_a_corrupted_model_in_the_mirror_no_backend_is_served()
    {
        var mirror = Directory.CreateTempSubdirectory("liveness-bad-mirror-").FullName;
        try
        {
            CopyDirectory(SharedFiles.Models, mirror);
            var classifier = Path.Combine(mirror, "minifasnet", "2.7_80x80_MiniFASNetV2.onnx");
            var bytes = File.ReadAllBytes(classifier);
            bytes[^100] ^= 0x10;
            File.WriteAllBytes(classifier, bytes);
            await using var server = await LivenessServer.StartAsync(new Dictionary<string, string> { ["Models:Mirror"] = mirror });

            using var response = await server.Client.PostVideoAsync(File.ReadAllBytes(SharedFiles.Video(TestVideos.LiveSource)));

            await response.AssertErrorAsync(503, 4007, "no model backend is ready");
        }
        finally
        {
            Directory.Delete(mirror, recursive: true);
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
