using System.Diagnostics;

namespace Liveness.Host.Tests.Pipeline;

/// <summary>
/// The capture perturbations of tools/Eval/make-perturbations.sh (smaller, starved of bitrate, 10 fps, darker,
/// washed out, noisy, out of focus, mirrored, tilted, cut to 3 s, warm and cold light, no colour, sharpened, smoothed,
/// vignetted, 7.5 fps repeated to 30, doubled) of a few shared videos, made once per test run into a temp folder.
/// </summary>
internal static class SyntheticPerturbations
{
    /// <summary>
    /// The shared videos perturbed: a webcam, a phone selfie (rotation metadata) and a tiny 15 fps webcam (160x120), a
    /// phone replay and a phone filming a phone.
    /// </summary>
    public static readonly string[] Sources =
    [
        "videos/lestari15_real.mp4", "videos/tdreal_621ea6c1.mov", "videos/debian_kphotoalbum_movie.avi",
        "videos/lestari15_fake.mp4", "videos/trainingdata_630b66fa.mp4",
    ];

    private static readonly Lazy<string> Folder = new(Make);

    /// <summary>The perturbation of a source (its manifest name), e.g. <c>("videos/lestari15_real.mp4", "flip")</c>.</summary>
    public static string File(string source, string perturbation) =>
        Path.Combine(Folder.Value, $"{Path.GetFileNameWithoutExtension(source)}__{perturbation}.mp4");

    private static string Make()
    {
        var folder = Directory.CreateTempSubdirectory("liveness-perturbations-").FullName;
        var script = Path.Combine(SharedFiles.RepositoryRoot(), "tools", "Eval", "make-perturbations.sh");
        var start = new ProcessStartInfo("bash", [script, Path.Combine(SharedFiles.Root, "data"), folder, .. Sources]) { RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"make-perturbations.sh failed: {errors}");
        return folder;
    }
}
