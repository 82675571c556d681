using System.Diagnostics;
using Liveness.Host.Api;
using Liveness.Host.Pipeline;
using Liveness.Host.Plugins;
using Liveness.Host.Video;
using OpenCvSharp;

namespace Liveness.Tools.Eval;

/// <summary>
/// Measures an image on the frame-level path: the serving detector finds the faces, the largest is kept, the
/// serving classifier scores it, and the node's <c>Pipeline:PassThreshold</c> decides.
/// </summary>
/// <remarks>
/// The largest face rather than the most confident one: it is the face <see cref="FaceTrack"/> starts a video's
/// track on, so the frame path scores the face the video path would. A face narrower than
/// <c>Pipeline:MinFaceWidth</c> is a failure here because the pipeline never classifies one either.
/// </remarks>
internal sealed class FrameScorer(BackendRegistry backends, PipelineOptions options)
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
        double score;
        try
        {
            var face = lease.Backends.Detector.Detect(image.AsBgrImage()).MaxBy(candidate => candidate.Box.Area);
            if (face is null)
            {
                return Failure("no face found");
            }

            if (face.Box.Width < options.MinFaceWidth)
            {
                return Failure($"the face is {face.Box.Width:0} px wide, under Pipeline:MinFaceWidth ({options.MinFaceWidth})");
            }

            score = Math.Clamp(lease.Backends.Classifier.LiveProbability(image.AsBgrImage(), face.Box), 0, 1);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Failure($"the model backend failed: {e.Message}");
        }

        var accepted = score >= options.PassThreshold;
        return SampleOutcome.Decided(
            sample, score, accepted, LivenessEndpoint.StatusName(accepted ? LivenessStatus.Ok : LivenessStatus.Hack),
            Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
}
