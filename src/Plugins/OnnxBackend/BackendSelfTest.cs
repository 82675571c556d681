using Liveness.Abstractions;
using Liveness.Plugins.PluginSupport;

namespace Liveness.Plugins.OnnxBackend;

/// <summary>Checks that the loaded files are the pinned models, each in its role, before the backend serves.</summary>
/// <remarks>
/// The expected numbers were recorded once from the sha256-pinned models on the synthetic frames. Any other file,
/// or the right files in the wrong roles, gives different numbers; so do broken preprocessing and decoding.
/// </remarks>
internal static class BackendSelfTest
{
    private const float DetectorScore = 0.9147629f;
    private static readonly FaceBox DetectorBox = new(88.86362f, 70.61732f, 79.568375f, 79.56347f);
    private static readonly float[] V2Logits = [-6.8777533f, 1.3883399f, 5.488643f];
    private static readonly float[] V1SELogits = [-5.940601f, 6.2898045f, -0.35174707f];

    // YOLOX-Nano takes the drawn phone's lit screen for a TV, and its whole body, far less surely, for another.
    private static readonly SceneObject[] SceneObjects =
    [
        new(SceneObjectKind.Tv, new FaceBox(98.61876f, 119.17865f, 60.470535f, 55.634308f), 0.35977516f),
        new(SceneObjectKind.Tv, new FaceBox(92.31966f, 20.419415f, 71.11525f, 160.46698f), 0.04202454f),
    ];

    // Room for the float rounding of other CPUs' kernels, far below what another model or a preprocessing slip moves.
    private const float ScoreTolerance = 1e-3f;
    private const float BoxTolerance = 0.25f;

    public static SelfTestResult Run(BlazeFaceDetector detector, MiniFasNetClassifier classifier, YoloxSceneDetector sceneDetector) =>
        SelfTestChecks.Run(
            CheckDetector(detector)
                .Concat(SelfTestChecks.CheckMiniFasNetPair(classifier, V2Logits, V1SELogits, network => network.Model.SignatureMismatch()))
                .Concat(CheckSceneDetector(sceneDetector)),
            "BlazeFace found the drawn face and nothing in flat gray; both MiniFASNets gave their pinned scores; "
            + "YOLOX-Nano found the drawn phone's objects and nothing in flat gray");

    private static IEnumerable<string> CheckDetector(BlazeFaceDetector detector)
    {
        if (detector.Model.SignatureMismatch() is { } mismatch)
        {
            yield return "BlazeFace: " + mismatch;
            yield break;
        }

        var faces = detector.Detect(SyntheticFrame.WithFace.Image);
        if (faces.Count != 1)
        {
            yield return $"BlazeFace found {faces.Count} faces in the drawn face, not 1";
        }
        else if (Math.Abs(faces[0].Score - DetectorScore) > ScoreTolerance || !Near(faces[0].Box, DetectorBox))
        {
            yield return FormattableString.Invariant(
                $"BlazeFace found the drawn face at {Format(faces[0].Box)} with score {faces[0].Score}, not at {Format(DetectorBox)} with {DetectorScore}");
        }

        var inGray = detector.Detect(SyntheticFrame.FlatGray.Image).Count;
        if (inGray != 0)
        {
            yield return $"BlazeFace found {inGray} faces in a flat gray frame";
        }
    }

    private static IEnumerable<string> CheckSceneDetector(YoloxSceneDetector sceneDetector)
    {
        if (sceneDetector.Model.SignatureMismatch() is { } mismatch)
        {
            yield return "YOLOX-Nano: " + mismatch;
            yield break;
        }

        var found = sceneDetector.Detect(SyntheticFrame.PhoneOnWall.Image);
        if (found.Count != SceneObjects.Length
            || found.Zip(SceneObjects).Any(pair => pair.First.Kind != pair.Second.Kind
                || Math.Abs(pair.First.Score - pair.Second.Score) > ScoreTolerance || !Near(pair.First.Box, pair.Second.Box)))
        {
            yield return $"YOLOX-Nano found {Format(found)} in the drawn phone, not {Format(SceneObjects)}";
        }

        var inGray = sceneDetector.Detect(SyntheticFrame.FlatGray.Image).Count;
        if (inGray != 0)
        {
            yield return $"YOLOX-Nano found {inGray} objects in a flat gray frame";
        }
    }

    private static bool Near(FaceBox actual, FaceBox expected) =>
        Math.Abs(actual.X - expected.X) <= BoxTolerance
        && Math.Abs(actual.Y - expected.Y) <= BoxTolerance
        && Math.Abs(actual.Width - expected.Width) <= BoxTolerance
        && Math.Abs(actual.Height - expected.Height) <= BoxTolerance;

    private static string Format(IEnumerable<SceneObject> objects) =>
        "[" + string.Join(", ", objects.Select(found => FormattableString.Invariant($"{found.Kind} {found.Score:G6} at {Format(found.Box)}"))) + "]";

    private static string Format(FaceBox box) => SelfTestChecks.Format([box.X, box.Y, box.Width, box.Height]);
}
