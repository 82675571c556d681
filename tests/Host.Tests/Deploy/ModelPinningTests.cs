using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;

namespace Liveness.Host.Tests.Deploy;

/// <summary>
/// <c>deploy/pin-models.sh</c>, which the image's build runs: every model a plugin pins ends up in the image's
/// model folder with its pinned sha256, and a file that does not match fails the build. Fetching from upstream is
/// not tested here (no network); copying from a model folder is what CI can do.
/// </summary>
public sealed class ModelPinningTests : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("liveness-pin-").FullName;

    private static string Plugins => Path.Combine(SharedFiles.RepositoryRoot(), "src", "Plugins");

    [Fact]
    public void Every_pinned_model_is_copied_with_its_sha256()
    {
        var target = Path.Combine(work, "models");
        var (exit, output) = PinModels(SharedFiles.Models, target);

        Assert.True(exit == 0, output);
        var pins = Pins().ToList();
        Assert.NotEmpty(pins);
        foreach (var (name, sha256) in pins)
        {
            var file = Path.Combine(target, name);
            Assert.True(File.Exists(file), $"{name} missing: {output}");
            Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))));
        }

        Assert.Equal(pins.Count, Directory.GetFiles(target, "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public void A_model_that_differs_from_its_pin_fails_the_build_and_is_not_kept()
    {
        var given = Path.Combine(work, "given");
        var (name, _) = Pins().First();
        foreach (var (pinned, _) in Pins())
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(given, pinned))!);
            File.Copy(Path.Combine(SharedFiles.Models, pinned), Path.Combine(given, pinned));
        }

        using (var tampered = File.OpenWrite(Path.Combine(given, name)))
        {
            tampered.Seek(100, SeekOrigin.Begin);
            tampered.WriteByte(0x5a);
        }

        var target = Path.Combine(work, "models");
        var (exit, output) = PinModels(given, target);

        Assert.NotEqual(0, exit);
        Assert.Contains($"{name} does not have its pinned sha256", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(target, name)));
    }

    private static IEnumerable<(string Name, string Sha256)> Pins() =>
        Directory.EnumerateFiles(Plugins, "plugin.json", SearchOption.AllDirectories)
            .SelectMany(manifest => JsonDocument.Parse(File.ReadAllText(manifest)).RootElement.GetProperty("models").EnumerateArray()
                .Select(model => (model.GetProperty("name").GetString()!, model.GetProperty("sha256").GetString()!)))
            .Distinct();

    private static (int Exit, string Output) PinModels(string given, string target)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { DeployFiles.Path("pin-models.sh"), given, Plugins, target })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result + errors);
    }

    public void Dispose() => Directory.Delete(work, recursive: true);
}
