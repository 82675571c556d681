using Liveness.Abstractions;
using Liveness.Plugins.PluginSupport;
using Liveness.Plugins.TorchBackend.Checkpoints;
using Liveness.Plugins.TorchBackend.Networks;
using Microsoft.Extensions.Logging;
using TorchSharp;

namespace Liveness.Plugins.TorchBackend;

/// <summary>Creates the TorchSharp backend, which fills the classifier role from the authors' PyTorch checkpoints.</summary>
public sealed class TorchBackendFactory : IBackendFactory
{
    // Concurrency comes from requests running side by side, one inference thread each: libtorch's own pool,
    // a thread per core by default, would only contend with them on a small server. Set once per process:
    // resizing the pool while another backend (the one a hot reload replaces) runs on it can crash libtorch.
    // A static constructor, so two factories created at once (two plugin loads, two test fixtures) cannot
    // both see the default and resize it while the other's backend already computes.
    static TorchBackendFactory()
    {
        if (torch.get_num_threads() != 1)
        {
            torch.set_num_threads(1);
        }
    }

    public IModelBackend Create(BackendContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        var device = TorchDevice.Select(context.Device, context.LoggerFactory.CreateLogger<TorchBackendFactory>());

        MiniFasNet Load(MiniFasNetArchitecture architecture, string file) =>
            new(architecture, TorchCheckpoint.Read(ModelPath.Of(context, file)), device);

        var v2 = Load(MiniFasNetArchitecture.V2, ModelFiles.MiniFasNetV2);
        try
        {
            return new TorchModelBackend(new MiniFasNetClassifier(v2, Load(MiniFasNetArchitecture.V1SE, ModelFiles.MiniFasNetV1SE)));
        }
        catch
        {
            v2.Dispose();
            throw;
        }
    }
}
