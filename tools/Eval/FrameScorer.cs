using System.Diagnostics;
using Liveness.Host.Api;
using Liveness.Host.Contract;
using Liveness.Host.Pipeline;
using OpenCvSharp;

namespace Liveness.Tools.Eval;

/// <summary>
/// Measures an image on the frame-level path: the host's own <see cref="LivenessPipeline.JudgeFrame"/> finds,
/// classifies, fuses and decides, as it does each frame of a video; this only reads the file and reports.
/// </summary>
internal sealed class FrameScorer(LivenessPipeline pipeline)
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

        FrameJudgement judgement;
        try
        {
            judgement = pipeline.JudgeFrame(image);
        }
        catch (LivenessError e)
        {
            return Failure($"the model backend failed: {e.InnerException?.Message ?? e.Message}");
        }

        if (judgement.Status is not { } status)
        {
            return Failure(judgement.Unjudged!);
        }

        return SampleOutcome.Decided(
            sample, judgement.Score, status == LivenessStatus.Ok, LivenessStatusName.Of(status),
            Stopwatch.GetElapsedTime(started).TotalMilliseconds, judgement.Cues);
    }
}
