namespace Liveness.Tools.Eval.Tests;

/// <summary>Reading the manifest: the three columns the issue names, paths relative to the manifest, the kind by extension.</summary>
public sealed class EvalManifestTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("liveness-eval-manifest-");

    [Fact]
    public void Paths_are_taken_from_the_manifest_folder_and_images_are_frames()
    {
        var samples = EvalManifest.Read(Write("""
            note,file,label,attack_type,group
            "extra, ignored",a/clip.MOV,live,none,g1
            x,a/face.PNG,spoof,replay,g1
            x,b/face.webp,spoof,,g2
            x,b/clip.avi,live,,g2
            """));

        Assert.Equal(
            [
                new Sample("a/clip.MOV", Path.Combine(folder.FullName, "a", "clip.MOV"), SampleKind.Video, true, "none"),
                new Sample("a/face.PNG", Path.Combine(folder.FullName, "a", "face.PNG"), SampleKind.Frame, false, "replay"),
                new Sample("b/face.webp", Path.Combine(folder.FullName, "b", "face.webp"), SampleKind.Frame, false, EvalManifest.Unspecified),
                new Sample("b/clip.avi", Path.Combine(folder.FullName, "b", "clip.avi"), SampleKind.Video, true, ""),
            ],
            samples);
    }

    [Theory]
    [InlineData("file,label\na.mp4,live", "no 'attack_type' column")]
    [InlineData("file,label,attack_type\na.mp4,fake,replay", "row 2: label 'fake' is neither live nor spoof")]
    public void A_malformed_manifest_names_what_is_wrong(string csv, string message)
    {
        var error = Assert.Throws<InvalidDataException>(() => EvalManifest.Read(Write(csv)));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private string Write(string csv)
    {
        var path = Path.Combine(folder.FullName, "manifest.csv");
        File.WriteAllText(path, csv);
        return path;
    }

    public void Dispose() => folder.Delete(recursive: true);
}
