using Liveness.Abstractions;
using Liveness.Plugins.PluginSupport;
using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

namespace Liveness.Plugins.OnnxBackend;

/// <summary>YOLOX-Nano at 416x416 (Megvii, COCO): the people, phones, screens and books in a frame.</summary>
internal sealed class YoloxSceneDetector : ISceneDetector, IDisposable
{
    /// <summary>
    /// Objects scoring below this are not reported. Low on purpose: this model scores a phone held up to the camera
    /// 0.05-0.7, so the device-in-view cue sets its own threshold above this floor.
    /// </summary>
    public const float ScoreFloor = 0.02f;

    /// <summary>An object overlapping a better one of the same kind by more intersection over union than this is dropped (Megvii's value).</summary>
    public const float Overlap = 0.45f;

    private const int InputSize = 416;
    private const int CocoClassCount = 80;

    // Per row: centre offsets, log sizes, objectness, then the 80 class probabilities.
    private const int RowLength = 5 + CocoClassCount;

    // The weights were trained on raw 0-255 pixels, padded with this gray.
    private const float PadValue = 114f;

    private static readonly int[] Strides = [8, 16, 32];

    // The COCO classes the role reports (0-based, the order of the model's outputs); every other class is dropped.
    private static readonly (int CocoClass, SceneObjectKind Kind)[] Classes =
    [
        (0, SceneObjectKind.Person),
        (67, SceneObjectKind.CellPhone),
        (62, SceneObjectKind.Tv),
        (63, SceneObjectKind.Laptop),
        (73, SceneObjectKind.Book),
    ];

    public YoloxSceneDetector(InferenceSession session)
    {
        Model = new OnnxModel(session, "images", [1, 3, InputSize, InputSize], ["output"]);
    }

    internal OnnxModel Model { get; }

    public IReadOnlyList<SceneObject> Detect(BgrImage frame)
    {
        var letterbox = Letterbox.FitTopLeft(frame.Width, frame.Height, InputSize);
        var candidates = Model.Infer(input => FillInput(input, frame, letterbox), outputs => Decode(outputs[0].GetTensorDataAsSpan<float>(), letterbox));
        return NonMaxSuppression.PerKind(candidates, Overlap);
    }

    public void Dispose() => Model.Dispose();

    /// <summary>Writes the frame scaled into the top left of a gray square as raw BGR planes (NCHW), Megvii's preprocessing.</summary>
    private static void FillInput(float[] input, BgrImage frame, Letterbox letterbox)
    {
        using var source = frame.AsMat();
        using var scaled = new Mat();
        Cv2.Resize(source, scaled, new Size(letterbox.ScaledWidth, letterbox.ScaledHeight), interpolation: InterpolationFlags.Linear);

        const int plane = InputSize * InputSize;
        input.AsSpan(0, 3 * plane).Fill(PadValue);
        var pixels = scaled.AsSpan<byte>();
        for (var y = 0; y < letterbox.ScaledHeight; y++)
        {
            var from = y * letterbox.ScaledWidth * 3;
            var to = y * InputSize;
            for (var x = 0; x < letterbox.ScaledWidth; x++, from += 3, to++)
            {
                input[to] = pixels[from];
                input[plane + to] = pixels[from + 1];
                input[2 * plane + to] = pixels[from + 2];
            }
        }
    }

    /// <summary>The objects of the reported kinds that reach the floor, in frame pixels, before suppression.</summary>
    /// <remarks>Rows run over the grids of strides 8, 16 and 32 in turn, each row by row; objectness and classes are already through a sigmoid.</remarks>
    private static List<SceneObject> Decode(ReadOnlySpan<float> rows, Letterbox letterbox)
    {
        var candidates = new List<SceneObject>();
        var row = 0;
        foreach (var stride in Strides)
        {
            var side = InputSize / stride;
            for (var cell = 0; cell < side * side; cell++, row++)
            {
                var values = rows.Slice(row * RowLength, RowLength);
                FaceBox? box = null;
                foreach (var (cocoClass, kind) in Classes)
                {
                    var score = values[4] * values[5 + cocoClass];
                    if (score < ScoreFloor)
                    {
                        continue;
                    }

                    box ??= BoxOf(values, cell % side, cell / side, stride, letterbox);
                    if (box.Value.Area > 0)
                    {
                        candidates.Add(new SceneObject(kind, box.Value, score));
                    }
                }
            }
        }

        return candidates;
    }

    private static FaceBox BoxOf(ReadOnlySpan<float> values, int column, int row, int stride, Letterbox letterbox)
    {
        var centreX = (values[0] + column) * stride;
        var centreY = (values[1] + row) * stride;
        var halfWidth = MathF.Exp(values[2]) * stride / 2;
        var halfHeight = MathF.Exp(values[3]) * stride / 2;

        // Clamped to the frame: the padding holds nothing.
        var topLeft = letterbox.ToFrame((centreX - halfWidth) / InputSize, (centreY - halfHeight) / InputSize);
        var bottomRight = letterbox.ToFrame((centreX + halfWidth) / InputSize, (centreY + halfHeight) / InputSize);
        return new FaceBox(topLeft.X, topLeft.Y, bottomRight.X - topLeft.X, bottomRight.Y - topLeft.Y)
            .ClippedTo(letterbox.FrameWidth, letterbox.FrameHeight);
    }
}
