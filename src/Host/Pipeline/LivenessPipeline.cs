using System.Diagnostics;
using Liveness.Abstractions;
using Liveness.Host.Api;
using Liveness.Host.Contract;
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
        var stages = request.Trace.Stages;
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
        request.Trace.Decrypted(videoBytes);
        using var lease = backends.Lease() ?? throw new LivenessError(ErrorKind.NoBackendReady, "no model backend is ready");
        var serving = lease.Backends;
        request.Trace.Serving = serving;

        using var file = await TempVideoFile.WriteAsync(video.ResolveTempDirectory(), videoBytes, cancellationToken);
        using var shortlist = new FrameShortlist(options.ClassifiedFrames);
        using var motion = MotionCues.Wanted(fusion) ? new FaceMotion() : null;
        var tracks = new FaceTracks(options);
        var devices = new FrameCoverage(options.SceneSeconds, options.SceneFrames);
        var (videoSeconds, faceSeconds, frameSize) = await FollowFaceAsync(file.Path, serving, tracks, devices, shortlist, motion, stages, cancellationToken);
        LivenessMetrics.VideoSeconds.Observe(videoSeconds);
        request.Trace.Followed(videoSeconds, faceSeconds, frameSize, tracks.All);

        if (videoSeconds < VideoOptions.MinSeconds)
        {
            throw LivenessError.InvalidVideo(
                $"the video is {videoSeconds:0.##} s long, shorter than {VideoOptions.MinSeconds} s", $"{VideoOptions.Section}:{nameof(VideoOptions.MinSeconds)}");
        }

        if (shortlist.Frames.Count > 0)
        {
            request.Trace.Selected(shortlist.Frames[0], options.JpegQuality);
        }

        if (faceSeconds < options.MinFaceSeconds || shortlist.Frames.Count == 0)
        {
            return new LivenessDecision(LivenessStatus.ShortTime, 0, serving.Label);
        }

        var details = stages.Time(Stage.Classify, () => Judge(tracks, devices, shortlist, motion, serving));
        var decision = options.Passes(details.Score)
            ? stages.Time(Stage.Encode, () => Accept(details.Score, shortlist.Frames[0], request, serving))
            : new LivenessDecision(LivenessStatus.Hack, details.Score, serving.Label);
        decision = decision with { Details = details };
        Decided?.Invoke(decision);
        return decision;
    }

    /// <summary>Raised with every decision made on a face (not for <c>short_time</c>), details included: tools/Eval reads them here.</summary>
    internal event Action<LivenessDecision>? Decided;

    private LivenessDecision Accept(double score, SelectedFrame best, LivenessRequest request, ServingBackends serving) => new(
        LivenessStatus.Ok,
        score,
        serving.Label,
        best.Seconds,
        request.ReturnImage ? SelectedFrameImages.Frame(best, options.JpegQuality) : null,
        request.ReturnFaceImage ? SelectedFrameImages.Face(best, options.JpegQuality) : null);

    /// <summary>
    /// Decodes the whole video (on its own thread, a few frames ahead), detects on sampled frames, follows every
    /// face large enough to matter, classifies each over the time it is seen, looks for a device holding a face on a
    /// few frames, follows the main face's motion and shortlists its best frames.
    /// </summary>
    private async Task<(double VideoSeconds, double FaceSeconds, (int Width, int Height)? FrameSize)> FollowFaceAsync(
        string path, ServingBackends serving, FaceTracks tracks, FrameCoverage devices, FrameShortlist shortlist, FaceMotion? motion,
        StageTimer stages, CancellationToken cancellationToken)
    {
        using var sampled = SampledVideo.Open(path, video, logger);
        var decoder = new DecodeAhead(sampled, DecodeAheadFrames);
        FaceTrack? followed = null;
        (int Width, int Height)? frameSize = null;
        await foreach (var frame in decoder.FramesAsync(options.SampleIntervalSeconds, cancellationToken))
        {
            frameSize ??= (frame.Image.Width, frame.Image.Height);
            var faces = stages.Time(Stage.Detect, () => Infer(serving.DetectorBackend, BackendRole.Detector, () => serving.Detector.Detect(frame.Image.AsBgrImage())));
            var face = tracks.Follow(frame.Seconds, faces);
            if (options.CoverageSeconds > 0)
            {
                stages.Time(Stage.Classify, () => Cover(tracks, frame.Image, frame.Seconds, serving));
            }

            if (serving.SceneDetectorBackend is { } sceneBackend && fusion.DeviceInView.Enabled && tracks.Current.Count > 0 && devices.Wants(frame.Seconds))
            {
                var objects = stages.Time(Stage.Scene, () => Infer(sceneBackend, BackendRole.SceneDetector, () => serving.SceneDetector!.Detect(frame.Image.AsBgrImage())));
                devices.Add(frame.Seconds, tracks.Current.Max(tracked => DeviceInViewCue.Measure(objects, tracked.Face.Box)));
            }

            if (motion is not null)
            {
                stages.Time(Stage.Track, () =>
                {
                    if (tracks.Main != followed)
                    {
                        // Another face became the main one: its motion is not a step of the last one's.
                        motion.Observe(frame.Image, frame.Seconds, null);
                        followed = tracks.Main;
                    }

                    motion.Observe(frame.Image, frame.Seconds, face?.Box);
                });
            }

            if (face is not null && face.Box.Width >= options.MinFaceWidth)
            {
                shortlist.Offer(frame.Image, frame.Seconds, face, FrameQuality.Of(frame.Image, face));
            }
        }

        stages.Add(Stage.Decode, decoder.DecodeTime);
        return (sampled.DurationSeconds, tracks.VisibleSeconds(sampled.DurationSeconds), frameSize);
    }

    /// <summary>Classifies each tracked face of this frame whose coverage wants a frame now, on the picture inside any black bars.</summary>
    private void Cover(FaceTracks tracks, OpenCvSharp.Mat image, double seconds, ServingBackends serving)
    {
        var wanted = tracks.Current.Where(tracked => tracked.Face.Box.Width >= options.MinFaceWidth && tracked.Track.Coverage.Wants(seconds)).ToArray();
        if (wanted.Length == 0)
        {
            return;
        }

        var content = FrameContent.Of(image);
        var whole = content.Width == image.Width && content.Height == image.Height;
        // Backends take continuous images: the bars' cut is copied out (a few frames per video, only when there are bars).
        using var region = whole ? null : new OpenCvSharp.Mat(image, content);
        using var picture = region?.Clone();
        foreach (var (track, face) in wanted)
        {
            var box = whole ? face.Box : FrameContent.Within(face.Box, content);
            track.Coverage.Add(seconds, Infer(serving.ClassifierBackend, BackendRole.Classifier, () => serving.Classifier.LiveProbability((picture ?? image).AsBgrImage(), box)));
        }
    }

    /// <summary>
    /// Judges every face that counts (<see cref="PipelineOptions.JudgedFaceFrames"/>) by its frame scores over time, takes
    /// the least live of them, and fuses it with the cues of the main face's best frames and of its motion.
    /// </summary>
    private DecisionDetails Judge(FaceTracks tracks, FrameCoverage devices, FrameShortlist shortlist, FaceMotion? motion, ServingBackends serving)
    {
        var faces = options.CoverageSeconds > 0
            ? tracks.All
                .Where(track => track.Coverage.Scores.Count > 0 && (track.WasMain || track.Coverage.Scores.Count >= options.JudgedFaceFrames))
                .Select(track => JudgedFace.Of(track.Id, track.Coverage.Scores, fusion.ClassifierQuantile))
                .ToArray()
            : [JudgedFace.Of(tracks.Main?.Id ?? 0, shortlist.Frames.OrderBy(frame => frame.Seconds).Select(frame => new FrameScore(frame.Seconds,
                Infer(serving.ClassifierBackend, BackendRole.Classifier, () => serving.Classifier.LiveProbability(frame.Image.AsBgrImage(), frame.Face.Box)))).ToArray(),
                fusion.ClassifierQuantile)];
        var classifier = faces.Min(face => face.Score);
        var cues = FrameCues.Read(shortlist.Frames.Select(frame => (frame.Image, frame.Face.Box)).ToArray(), fusion)
            .Concat(motion is null ? [] : MotionCues.Read(motion.Steps, fusion))
            .Concat(SceneCues.Read(devices.Scores, fusion))
            .ToArray();
        var details = new DecisionDetails(ScoreFusion.Fuse(classifier, cues, fusion), classifier, tracks.All.Count, faces, cues);
        foreach (var cue in cues)
        {
            LivenessMetrics.CuePenalty.WithLabels(cue.Cue).Observe(cue.Penalty);
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("{Details}", details.ToString());
        }

        return details;
    }

    /// <summary>Times one model call; a backend failure is the contract's 4007, never an unmapped 500.</summary>
    private static T Infer<T>(LoadedBackend backend, BackendRole role, Func<T> inference)
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
            LivenessMetrics.ModelInference.WithLabels(backend.Name, LivenessMetrics.RoleLabel(role)).Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    /// <summary>The stage names of <c>liveness_stage_duration_seconds</c>.</summary>
    internal static class Stage
    {
        public const string Decrypt = "decrypt";
        public const string Decode = "decode";
        public const string Detect = "detect";
        public const string Track = "track";
        public const string Classify = "classify";
        public const string Scene = "scene";
        public const string Encode = "encode";

        public static readonly string[] All = [Decrypt, Decode, Detect, Track, Classify, Scene, Encode];
    }
}
