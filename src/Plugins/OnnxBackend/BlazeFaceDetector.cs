using System.Numerics;
using Liveness.Abstractions;
using Liveness.Plugins.PluginSupport;
using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

namespace Liveness.Plugins.OnnxBackend;

/// <summary>MediaPipe's short-range BlazeFace (the front 128x128 model): faces and six keypoints in a frame.</summary>
internal sealed class BlazeFaceDetector : IFaceDetector, IDisposable
{
    /// <summary>Candidates scoring below this are dropped before suppression; MediaPipe uses 0.5 for this model.</summary>
    public const float ScoreThreshold = 0.5f;

    /// <summary>Candidates overlapping a better one by more intersection over union than this merge into it (MediaPipe's value).</summary>
    public const float MergeOverlap = 0.3f;

    private const int InputSize = 128;
    private const int KeypointCount = 6;
    private const int RegressorLength = 4 + 2 * KeypointCount;

    // MediaPipe clips logits before the sigmoid so that extreme values stay finite.
    private const float LogitLimit = 100f;

    // The model reports the 512 anchors of the 16x16 grid in one pair of outputs and the 384 of the 8x8 grid in another.
    private const int FineAnchorCount = 512;

    private static readonly Vector2[] Anchors = BlazeFaceAnchors.Create();

    public BlazeFaceDetector(InferenceSession session)
    {
        Model = new OnnxModel(
            session,
            "input:0",
            [1, InputSize, InputSize, 3],
            ["Identity:0", "Identity_1:0", "Identity_2:0", "Identity_3:0"]);
    }

    internal OnnxModel Model { get; }

    public IReadOnlyList<DetectedFace> Detect(BgrImage frame)
    {
        var letterbox = Letterbox.Fit(frame.Width, frame.Height, InputSize);
        var candidates = Model.Infer(input => FillInput(input, frame, letterbox), outputs =>
        {
            var found = new List<DetectedFace>();
            Decode(outputs[0].GetTensorDataAsSpan<float>(), outputs[2].GetTensorDataAsSpan<float>(), 0, letterbox, found);
            Decode(outputs[1].GetTensorDataAsSpan<float>(), outputs[3].GetTensorDataAsSpan<float>(), FineAnchorCount, letterbox, found);
            return found;
        });
        return WeightedNonMaxSuppression.Apply(candidates, MergeOverlap)
            .Select(face => ClampToFrame(face, frame.Width, frame.Height))
            .Where(face => face.Box.Area > 0)
            .ToList();
    }

    public void Dispose() => Model.Dispose();

    /// <summary>Writes the letterboxed frame as RGB in [-1, 1], NHWC, padded with black as MediaPipe pads.</summary>
    private static void FillInput(float[] input, BgrImage frame, Letterbox letterbox)
    {
        using var source = frame.AsMat();
        using var scaled = new Mat();
        // Frames are usually several times larger than the input: area averaging does not alias as bilinear sampling would.
        Cv2.Resize(source, scaled, new Size(letterbox.ScaledWidth, letterbox.ScaledHeight), interpolation: InterpolationFlags.Area);

        var tensor = input.AsSpan(0, InputSize * InputSize * 3);
        tensor.Fill(-1f);
        var pixels = scaled.AsSpan<byte>();
        for (var y = 0; y < letterbox.ScaledHeight; y++)
        {
            var from = y * letterbox.ScaledWidth * 3;
            var to = ((y + letterbox.PadY) * InputSize + letterbox.PadX) * 3;
            for (var x = 0; x < letterbox.ScaledWidth; x++, from += 3, to += 3)
            {
                tensor[to] = pixels[from + 2] / 127.5f - 1f;
                tensor[to + 1] = pixels[from + 1] / 127.5f - 1f;
                tensor[to + 2] = pixels[from] / 127.5f - 1f;
            }
        }
    }

    /// <summary>Adds the candidates of one anchor grid that pass the threshold, in frame pixels, not yet clamped.</summary>
    private static void Decode(
        ReadOnlySpan<float> logits, ReadOnlySpan<float> regressors, int firstAnchor, Letterbox letterbox, List<DetectedFace> candidates)
    {
        for (var i = 0; i < logits.Length; i++)
        {
            var score = 1f / (1f + MathF.Exp(-Math.Clamp(logits[i], -LogitLimit, LogitLimit)));
            if (score < ScoreThreshold)
            {
                continue;
            }

            // Offsets and sizes are in input pixels; anchors, and so the results, are fractions of the square.
            var anchor = Anchors[firstAnchor + i];
            var r = regressors.Slice(i * RegressorLength, RegressorLength);
            var centreX = anchor.X + r[0] / InputSize;
            var centreY = anchor.Y + r[1] / InputSize;
            var halfWidth = r[2] / InputSize / 2;
            var halfHeight = r[3] / InputSize / 2;
            var topLeft = letterbox.ToFrame(centreX - halfWidth, centreY - halfHeight);
            var bottomRight = letterbox.ToFrame(centreX + halfWidth, centreY + halfHeight);

            var keypoints = new FacePoint[KeypointCount];
            for (var k = 0; k < KeypointCount; k++)
            {
                keypoints[k] = letterbox.ToFrame(anchor.X + r[4 + 2 * k] / InputSize, anchor.Y + r[5 + 2 * k] / InputSize);
            }

            var box = new FaceBox(topLeft.X, topLeft.Y, bottomRight.X - topLeft.X, bottomRight.Y - topLeft.Y);
            candidates.Add(new DetectedFace(box, score, keypoints));
        }
    }

    private static DetectedFace ClampToFrame(DetectedFace face, int width, int height)
    {
        var keypoints = face.Keypoints
            .Select(point => new FacePoint(Math.Clamp(point.X, 0, width), Math.Clamp(point.Y, 0, height)))
            .ToArray();
        return face with { Box = face.Box.ClippedTo(width, height), Keypoints = keypoints };
    }
}
