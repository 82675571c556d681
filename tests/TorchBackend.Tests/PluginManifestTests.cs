using System.Security.Cryptography;
using Liveness.Abstractions;
using Liveness.Plugins.TorchBackend;

namespace Liveness.TorchBackend.Tests;

public sealed class PluginManifestTests
{
    private static readonly BackendManifest Manifest =
        BackendManifest.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "torch.plugin.json")));

    [Fact]
    public void Declares_the_torch_backend_as_a_classifier_only()
    {
        Assert.Equal("torch", Manifest.Name);
        Assert.Equal([BackendRole.Classifier], Manifest.Roles);
        Assert.Equal(Path.GetFileName(typeof(TorchBackendFactory).Assembly.Location), Manifest.Assembly);
    }

    [Fact]
    public void Pins_each_checkpoint_the_backend_loads_by_its_sha256_and_upstream()
    {
        Assert.Equal(Backends.PinnedModels().Keys.Order(), Manifest.Models.Select(model => model.Name).Order());
        Assert.All(Manifest.Models, model =>
        {
            using var file = File.OpenRead(SharedData.Model(model.Name));
            Assert.Equal(model.Sha256, Convert.ToHexStringLower(SHA256.HashData(file)));
            Assert.StartsWith("https://github.com/minivision-ai/Silent-Face-Anti-Spoofing/raw/", model.Upstream);
            Assert.EndsWith("/resources/anti_spoof_models/" + Path.GetFileName(model.Name), model.Upstream);
        });
    }
}
