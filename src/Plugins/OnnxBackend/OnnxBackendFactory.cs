using Liveness.Abstractions;
using Liveness.Plugins.PluginSupport;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace Liveness.Plugins.OnnxBackend;

/// <summary>Creates the ONNX Runtime backend, which fills the detector, classifier and scene detector roles.</summary>
public sealed class OnnxBackendFactory : IBackendFactory
{
    public IModelBackend Create(BackendContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sessions = new SessionFactory(context.Device, context.LoggerFactory.CreateLogger<OnnxBackendFactory>());

        // Sessions hold native memory: if a later one fails to open, release the ones already open.
        var opened = new List<InferenceSession>();
        try
        {
            InferenceSession Open(string name)
            {
                var session = sessions.Open(ModelPath.Of(context, name));
                opened.Add(session);
                return session;
            }

            var blazeFace = Open(ModelFiles.BlazeFace);
            var v2 = Open(ModelFiles.MiniFasNetV2);
            var v1se = Open(ModelFiles.MiniFasNetV1SE);
            var yolox = Open(ModelFiles.YoloxNano);
            return new OnnxModelBackend(
                new BlazeFaceDetector(blazeFace), new MiniFasNetClassifier(v2, v1se), new YoloxSceneDetector(yolox));
        }
        catch
        {
            opened.ForEach(session => session.Dispose());
            throw;
        }
    }
}
