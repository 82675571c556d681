using System.Diagnostics;

namespace Liveness.Host.Tests.Pipeline;

/// <summary>
/// The synthetic compositions of tools/Eval/make-synthetic-compositions.sh (a phone beside and over a live face, or
/// over it for its first or last second or one between, a
/// letterboxed live clip, a small poster behind a live person, a live face hidden for a moment or jolted, a print held
/// still, one bent, one of a masked face and ones brought up over a live face, for good, for a moment, or for the first
/// or last second, a phone filmed until its screen fills the frame, a replay under a player's controls, a live person
/// the camera moves closer to, a live person whose exposure settles in one step), made once per test run from the shared samples into a temp folder.
/// </summary>
internal static class SyntheticCompositions
{
    private static readonly Lazy<string> Folder = new(Make);

    public static string File(string name) => Path.Combine(Folder.Value, name);

    private static string Make()
    {
        var folder = Directory.CreateTempSubdirectory("liveness-compositions-").FullName;
        var script = Path.Combine(SharedFiles.RepositoryRoot(), "tools", "Eval", "make-synthetic-compositions.sh");
        var start = new ProcessStartInfo("bash", [script, Path.Combine(SharedFiles.Root, "data"), folder]) { RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"make-synthetic-compositions.sh failed: {errors}");
        return folder;
    }
}
