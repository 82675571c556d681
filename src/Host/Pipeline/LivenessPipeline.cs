using System.Diagnostics;
using System.Globalization;
using Liveness.Host.Api;
using Liveness.Host.Crypto;
using Liveness.Host.Metrics;
using Liveness.Host.Pipeline.Cues;
using Liveness.Host.Plugins;
using Liveness.Host.Video;
using Microsoft.Extensions.Options;

namespace Liveness.Host.Pipeline;

/// <summary>One liveness check, in the contract's order: decrypt, decode, follow the face, check its time, classify, decide.</summary>
internal sealed class LivenessPipeline(
    VideoDecryptor decryptor,
    BackendRegistry backends,
    IOptions<VideoOptions> videoOptions,
    IOptions<PipelineOptions> pipelineOptions,
    IOptions<FusionOptions> fusionOptions,
    ILogger<LivenessPipeline> logger)
{
    private readonly VideoOptions video = videoOptions.Value;
    private readonly PipelineOptions options = pipelineOptions.Value;
    private readonly FusionOptions fusion = fusionOptions.Value;

    /// <summary>Sampled frames decoded ahead of detection: enough to keep both threads busy, few enough to bound memory.</summary>
    private const int DecodeAheadFrames = 2;

    public async Task<LivenessDecision> RunAsync(LivenessRequest request, CancellationToken cancellationToken)
    {
        var stages = new StageTimer();
        try
        {
            return await RunAsync(request, stages, cancellationToken);
        }
        finally
        {
            stages.Report();
            NativeHeap.TrimNow();
        }
    }

    private async Task<LivenessDecision> RunAsync(LivenessRequest request, StageTimer stages, CancellationToken cancellationToken)
    {
        var videoBytes = stages.Time(Stage.Decrypt, () => decryptor.Decrypt(request.EncryptedVideo));
        using var lease = backends.Lease() ?? throw new LivenessError(ErrorKind.NoBackendReady, "no model backend is ready");
        var serving = lease.Backends;

        using var file = await TempVideoFile.WriteAsync(video.ResolveTempDirectory(), videoBytes, cancellationToken);
        using var shortlist = new FrameShortlist(options.ClassifiedFrames);
        using var motion = MotionCues.Wanted(fusion) ? new FaceMotion() : null;
        var (videoSeconds, faceSeconds) = await FollowFaceAsync(file.Path, serving, shortlist, motion, stages, cancellationToken);
        LivenessMetrics.VideoSeconds.Observe(videoSeconds);

        if (videoSeconds < VideoOptions.MinSeconds)
        {
            throw LivenessError.InvalidVideo($"the video is {videoSeconds:0.##} s long, shorter than {VideoOptions.MinSeconds} s");
        }

        if (faceSeconds < options.MinFaceSeconds || shortlist.Frames.Count == 0)
        {
            return new LivenessDecision(LivenessStatus.ShortTime, 0, serving.Label);
        }

        var score = stages.Time(Stage.Classify, () => Score(shortlist, motion, serving));
        if (!options.Passes(score))
        {
            return new LivenessDecision(LivenessStatus.Hack, score, serving.Label);
        }

        var best = shortlist.Frames[0];
        return stages.Time(Stage.Encode, () => new LivenessDecision(
            LivenessStatus.Ok,
            score,
            serving.Label,
            best.Seconds,
            request.ReturnImage ? SelectedFrameImages.Frame(best, options.JpegQuality) : null,
            request.ReturnFaceImage ? SelectedFrameImages.Face(best, options.JpegQuality) : null));
    }

    /// <summary>
    /// Decodes the whole video (on its own thread, a few frames ahead), detects on sampled frames, follows the
    /// main face, follows its motion and shortlists its best frames.
    /// </summary>
    private async Task<(double VideoSeconds, double FaceSeconds)> FollowFaceAsync(
        string path, ServingBackends serving, FrameShortlist shortlist, FaceMotion? motion, StageTimer stages,
        CancellationToken cancellationToken)
    {
        using var sampled = SampledVideo.Open(path, video, logger);
        var decoder = new DecodeAhead(sampled, DecodeAheadFrames);
        var track = new FaceTrack();
        await foreach (var frame in decoder.FramesAsync(options.SampleIntervalSeconds, cancellationToken))
        {
            var faces = stages.Time(Stage.Detect, () => Infer(serving.DetectorBackend, "detector", () => serving.Detector.Detect(frame.Image.AsBgrImage())));
            var face = track.Follow(frame.Seconds, faces);
            if (motion is not null)
            {
                stages.Time(Stage.Track, () => motion.Observe(frame.Image, frame.Seconds, face?.Box));
            }

            if (face is not null && face.Box.Width >= options.MinFaceWidth)
            {
                shortlist.Offer(frame.Image, frame.Seconds, face, FrameQuality.Of(frame.Image, face));
            }
        }

        stages.Add(Stage.Decode, decoder.DecodeTime);
        return (sampled.DurationSeconds, track.VisibleSeconds(sampled.DurationSeconds));
    }

    /// <summary>Classifies the shortlisted frames and fuses their scores with the cues of the frames and of the motion.</summary>
    private double Score(FrameShortlist shortlist, FaceMotion? motion, ServingBackends serving)
    {
        var scores = shortlist.Frames
            .Select(frame => (double)Infer(serving.ClassifierBackend, "classifier",
                () => serving.Classifier.LiveProbability(frame.Image.AsBgrImage(), frame.Face.Box)))
            .ToArray();
        var cues = FrameCues.Read(shortlist.Frames.Select(frame => (frame.Image, frame.Face.Box)).ToArray(), fusion)
            .Concat(motion is null ? [] : MotionCues.Read(motion.Steps, fusion))
            .ToArray();
        var score = ScoreFusion.Fuse(scores, cues, fusion);
        foreach (var cue in cues)
        {
            LivenessMetrics.CuePenalty.WithLabels(cue.Cue).Observe(cue.Penalty);
        }

        if (!logger.IsEnabled(LogLevel.Information))
        {
            return score;
        }

        logger.LogInformation(
            "Score {Score:0.0000}: classifier {Classifier}, cues {Cues}",
            score,
            string.Join(' ', scores.Select(frame => frame.ToString("0.0000", CultureInfo.InvariantCulture))),
            string.Join(' ', cues.Select(cue => string.Create(CultureInfo.InvariantCulture, $"{cue.Cue}={cue.Measure:0.####}/{cue.Penalty:0.##}"))));
        return score;
    }

    /// <summary>Times one model call; a backend failure is the contract's 4007, never an unmapped 500.</summary>
    private static T Infer<T>(LoadedBackend backend, string role, Func<T> inference)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return inference();
        }
        catch (Exception e) when (e is not (LivenessError or OperationCanceledException))
        {
            throw LivenessError.CheckFailed("the model backend failed on this video", e);
        }
        finally
        {
            LivenessMetrics.ModelInference.WithLabels(backend.Name, role).Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    /// <summary>The stage names of <c>liveness_stage_duration_seconds</c>.</summary>
    private static class Stage
    {
        public const string Decrypt = "decrypt";
        public const string Decode = "decode";
        public const string Detect = "detect";
        public const string Track = "track";
        public const string Classify = "classify";
        public const string Encode = "encode";
    }
}
