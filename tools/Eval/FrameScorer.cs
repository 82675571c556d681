using System.Diagnostics;
using Liveness.Host.Api;
using Liveness.Abstractions;
using Liveness.Host.Pipeline;
using Liveness.Host.Pipeline.Cues;
using Liveness.Host.Plugins;
using Liveness.Host.Video;
using OpenCvSharp;

namespace Liveness.Tools.Eval;

/// <summary>
/// Measures an image on the frame-level path: the serving detector finds the faces, the largest is kept, the
/// serving classifier scores it, the cues a still frame shows (the device-in-view cue included, when a scene detector
/// serves) join in as the API fuses them (<see cref="ScoreFusion"/>),
/// and the node's <c>Pipeline:PassThreshold</c> decides.
/// </summary>
/// <remarks>
/// The largest face rather than the most confident one: it is the face <see cref="FaceTracks"/> makes a video's first
/// main face, so the frame path scores the face the video path would. A face narrower than
/// <c>Pipeline:MinFaceWidth</c> is a failure here because the pipeline never classifies one either.
/// </remarks>
internal sealed class FrameScorer(BackendRegistry backends, PipelineOptions options, FusionOptions fusion)
{
    public SampleOutcome Score(Sample sample)
    {
        var started = Stopwatch.GetTimestamp();
        SampleOutcome Failure(string reason) => SampleOutcome.Failure(sample, reason, Stopwatch.GetElapsedTime(started).TotalMilliseconds);

        if (!File.Exists(sample.Path))
        {
            return Failure($"file not found: {sample.Path}");
        }

        using var image = Cv2.ImRead(sample.Path, ImreadModes.Color);
        if (image.Empty())
        {
            return Failure("not a decodable image");
        }

        using var lease = backends.Lease() ?? throw new InvalidOperationException("no model backend is serving");
        double classifierScore;
        DetectedFace? face;
        IReadOnlyList<SceneObject>? objects = null;
        try
        {
            face = lease.Backends.Detector.Detect(image.AsBgrImage()).MaxBy(candidate => candidate.Box.Area);
            if (face is null)
            {
                return Failure("no face found");
            }

            if (face.Box.Width < options.MinFaceWidth)
            {
                return Failure($"the face is {face.Box.Width:0} px wide, under Pipeline:MinFaceWidth ({options.MinFaceWidth})");
            }

            classifierScore = lease.Backends.Classifier.LiveProbability(image.AsBgrImage(), face.Box);
            if (lease.Backends.SceneDetector is { } scene && fusion.DeviceInView.Enabled)
            {
                objects = scene.Detect(image.AsBgrImage());
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Failure($"the model backend failed: {e.Message}");
        }

        var cues = FrameCues.Read([(image, face.Box)], fusion)
            .Concat(SceneCues.Read(objects is null ? [] : [new FrameScore(0, DeviceInViewCue.Measure(objects, face.Box))], fusion))
            .ToArray();
        var score = ScoreFusion.Fuse(classifierScore, cues, fusion);
        var accepted = options.Passes(score);
        return SampleOutcome.Decided(
            sample, score, accepted, LivenessStatusName.Of(accepted ? LivenessStatus.Ok : LivenessStatus.Hack),
            Stopwatch.GetElapsedTime(started).TotalMilliseconds, cues);
    }
}
