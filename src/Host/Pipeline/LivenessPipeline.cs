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
internal sealed partial class LivenessPipeline(
    VideoDecryptor decryptor,
    BackendRegistry backends,
    SpareDecoders decoders,
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

    /// <summary>Whether the stretches between the times a face was found again count (<see cref="TemporalScore"/>): only over time, and unless switched off.</summary>
    private bool JudgesStretches => options.CoverageSeconds > 0 && fusion.ClassifierStretchShare > 0;

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

        using var sampled = SampledVideo.Open(decoders.Take(), video, logger);
        using var file = await TempVideoFile.WriteAsync(sampled.Path, videoBytes, cancellationToken);
        using var shortlist = new FrameShortlist(options.ClassifiedFrames);
        // The motion says where a face was found again, which the classifier's stretches need as well as the motion cues.
        using var motion = MotionCues.Wanted(fusion) || JudgesStretches ? new FaceMotion() : null;
        var tracks = new FaceTracks(options);
        var devices = new FrameCoverage(options.SceneSeconds, options.SceneFrames);
        var (videoSeconds, faceSeconds, foundAgainFrames) = await FollowFaceAsync(sampled, serving, tracks, devices, shortlist, motion, stages, cancellationToken);
        LivenessMetrics.VideoSeconds.Observe(videoSeconds);
        request.Trace.Followed(videoSeconds, faceSeconds, sampled.FrameSize, tracks.All);

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

        var details = stages.Time(Stage.Classify, () => Judge(tracks, devices, shortlist, motion, foundAgainFrames, sampled, serving));
        var decision = options.Passes(details.Score)
            ? stages.Time(Stage.Encode, () => Accept(details.Score, shortlist.Frames[0], request, serving))
            : new LivenessDecision(LivenessStatus.Hack, details.Score, serving.Label);
        decision = decision with { Details = details };
        Decided?.Invoke(decision);
        return decision;
    }

    /// <summary>Raised with every decision made on a face (not for <c>short_time</c>), details included: tools/Eval reads them here.</summary>
    internal event Action<LivenessDecision>? Decided;

    /// <summary>
    /// One still image judged as a video's frames are: the largest face (the face <see cref="FaceTracks"/> starts a
    /// video's track on) classified on the picture inside any black bars, the cues a still frame shows (the
    /// device-in-view cue included when a scene detector serves) fused in, and <c>Pipeline:PassThreshold</c> deciding.
    /// tools/Eval's frame set is scored here, so the frame path and the video path are one code.
    /// </summary>
    /// <remarks>A face narrower than <c>Pipeline:MinFaceWidth</c> is not judged, because a video's never is.</remarks>
    /// <exception cref="LivenessError">4007 when a backend fails, and when none is ready (HTTP 503).</exception>
    public FrameJudgement JudgeFrame(OpenCvSharp.Mat image)
    {
        using var lease = backends.Lease() ?? throw new LivenessError(ErrorKind.NoBackendReady, "no model backend is ready");
        var serving = lease.Backends;
        var face = Infer(serving.DetectorBackend, BackendRole.Detector, () => serving.Detector.Detect(image.AsBgrImage())).MaxBy(candidate => candidate.Box.Area);
        if (face is null)
        {
            return FrameJudgement.NotJudged("no face found");
        }

        if (face.Box.Width < options.MinFaceWidth)
        {
            return FrameJudgement.NotJudged(FormattableString.Invariant(
                $"the face is {face.Box.Width:0} px wide, under Pipeline:MinFaceWidth ({options.MinFaceWidth})"));
        }

        var classifier = Classify(serving, image, [face.Box])[0];
        var devices = SceneDetection(serving) is { } detectScene
            ? [new FrameScore(0, DeviceInViewCue.Measure(detectScene(image), face.Box))]
            : Array.Empty<FrameScore>();
        var cues = ReadCues([(image, face.Box)], null, devices, null);
        var score = ScoreFusion.Fuse(classifier, cues, fusion);
        return FrameJudgement.Decided(options.Passes(score) ? LivenessStatus.Ok : LivenessStatus.Hack, score, cues);
    }

    private LivenessDecision Accept(double score, SelectedFrame best, LivenessRequest request, ServingBackends serving) => new(
        LivenessStatus.Ok,
        score,
        serving.Label,
        best.Seconds,
        request.ReturnImage ? SelectedFrameImages.Frame(best, options.JpegQuality) : null,
        request.ReturnFaceImage ? SelectedFrameImages.Face(best, options.JpegQuality) : null);

    /// <summary>
    /// Decodes the whole video (in its own process, a few frames ahead), detects on sampled frames, follows every face
    /// large enough to matter, classifies each over the time it is seen and shortlists the main face's best frames;
    /// beside it, on a second thread, follows the main face's motion, classifies it where it was found again, and looks
    /// for a device holding a face on a few frames (<see cref="MotionAndSceneLane"/>).
    /// </summary>
    private async Task<(double VideoSeconds, double FaceSeconds, IReadOnlyList<FoundAgainFrame> FoundAgainFrames)> FollowFaceAsync(
        SampledVideo sampled, ServingBackends serving, FaceTracks tracks, FrameCoverage devices, FrameShortlist shortlist, FaceMotion? motion,
        StageTimer stages, CancellationToken cancellationToken)
    {
        var decoder = new DecodeAhead((target, token) => sampled.Frames(options.SampleIntervalSeconds, target, token), DecodeAheadFrames);
        await using var lane = new MotionAndSceneLane(
            motion,
            (image, face) => Classify(serving, image, [face])[0],
            JudgesStretches ? options.FoundAgainFrames : 0,
            devices,
            SceneDetection(serving),
            stages,
            cancellationToken);
        // Only the motion cues ask whether a face that jumped moved with the camera.
        using var camera = MotionCues.Wanted(fusion) ? new CameraShift() : null;
        await foreach (var frame in decoder.FramesAsync(cancellationToken))
        {
            var faces = stages.Time(Stage.Detect, () => Infer(serving.DetectorBackend, BackendRole.Detector, () => serving.Detector.Detect(frame.Image.AsBgrImage())));
            var face = tracks.Follow(frame.Seconds, faces, camera is null ? null : () => camera.Since(frame.Image));
            if (face is not null)
            {
                camera?.Remember(frame.Image);
            }

            await lane.PostAsync(
                frame.Image, frame.Seconds, face is null ? null : (tracks.Main!.Id, face.Box), [.. tracks.Current.Select(tracked => tracked.Face.Box)]);
            if (options.CoverageSeconds > 0)
            {
                stages.Time(Stage.Classify, () => Cover(tracks, frame.Image, frame.Seconds, serving));
            }

            if (face is not null && face.Box.Width >= options.MinFaceWidth)
            {
                shortlist.Offer(frame.Image, frame.Seconds, tracks.Main!.Id, face, FrameQuality.Of(frame.Image, face));
            }
        }

        await lane.CompleteAsync();
        stages.Add(Stage.Decode, decoder.DecodeTime);
        return (sampled.DurationSeconds, tracks.VisibleSeconds(sampled.DurationSeconds), lane.FoundAgainFrames);
    }

    /// <summary>The scene detector as a frame or the lane calls it, its inference counted and failing as the contract says; null when none serves or its cue is off.</summary>
    private Func<OpenCvSharp.Mat, IReadOnlyList<SceneObject>>? SceneDetection(ServingBackends serving) =>
        serving.SceneDetectorBackend is { } sceneBackend && serving.SceneDetector is { } detector && fusion.DeviceInView.Enabled
            ? image => Infer(sceneBackend, BackendRole.SceneDetector, () => detector.Detect(image.AsBgrImage()))
            : null;

    /// <summary>Classifies each tracked face of this frame whose coverage wants a frame now.</summary>
    private void Cover(FaceTracks tracks, OpenCvSharp.Mat image, double seconds, ServingBackends serving)
    {
        var wanted = tracks.Current.Where(tracked => tracked.Face.Box.Width >= options.MinFaceWidth && tracked.Track.Coverage.Wants(seconds)).ToArray();
        if (wanted.Length == 0)
        {
            return;
        }

        var scores = Classify(serving, image, wanted.Select(tracked => tracked.Face.Box).ToArray());
        for (var i = 0; i < wanted.Length; i++)
        {
            wanted[i].Track.Coverage.Add(seconds, scores[i]);
        }
    }

    /// <summary>The classifier's live probability of each face of one frame, on the picture inside any black bars (<see cref="FrameContent"/>).</summary>
    private static double[] Classify(ServingBackends serving, OpenCvSharp.Mat image, IReadOnlyList<Abstractions.FaceBox> faces)
    {
        var content = FrameContent.Of(image);
        var whole = content.Width == image.Width && content.Height == image.Height;
        // Backends take continuous images: the bars' cut is copied out (a few frames per video, only when there are bars).
        using var region = whole ? null : new OpenCvSharp.Mat(image, content);
        using var picture = region?.Clone();
        return faces
            .Select(face => (double)Infer(serving.ClassifierBackend, BackendRole.Classifier, () => serving.Classifier.LiveProbability(
                (picture ?? image).AsBgrImage(), whole ? face : FrameContent.Within(face, content))))
            .ToArray();
    }

    /// <summary>
    /// Judges every face that counts (<see cref="PipelineOptions.JudgedFaceFrames"/>) by its frame scores over time, takes
    /// the least live of them, and fuses it with the cues of the main face's best frames and of the motion of each face
    /// that was the main one.
    /// </summary>
    private DecisionDetails Judge(
        FaceTracks tracks, FrameCoverage devices, FrameShortlist shortlist, FaceMotion? motion, IReadOnlyList<FoundAgainFrame> foundAgainFrames,
        SampledVideo video, ServingBackends serving)
    {
        var (judged, faces) = JudgedFaces(tracks, shortlist, motion, foundAgainFrames, serving);
        var classifier = faces.Min(face => face.Score);
        (FaceMotion, int[][])? moving = motion is null ? null : (motion, MainFaces(tracks, judged, shortlist));
        var cues = ReadCues(shortlist.Frames.Select(frame => (frame.Image, frame.Face.Box)).ToArray(), moving, devices.Scores, video);
        var details = new DecisionDetails(ScoreFusion.Fuse(classifier, cues, fusion), classifier, tracks.All.Count, faces, cues);
        foreach (var cue in cues)
        {
            LivenessMetrics.CuePenalty.WithLabels(cue.Cue).Observe(cue.Penalty);
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            LogDecided(logger, details.ToString());
        }

        return details;
    }

    /// <summary>
    /// The faces that were the main one among the judged tracks, each as the tracks it was seen on: one, or several when
    /// the camera moved too fast for it to overlap (<see cref="FaceTrack.Face"/>); the motion cues judge each.
    /// </summary>
    /// <remarks>
    /// A face seen in one sampled frame only (<see cref="FaceTrack.SeenOnce"/>, most often a false detection that was
    /// the largest in the first frame) has no motion to judge, and would fail closed a live person followed for
    /// seconds beside it: it is left out when another main face is judged, and unless one of the shortlisted frames is
    /// its own, so the frame an answer returns is always of a face whose motion was judged. Its frame is still
    /// classified (<see cref="JudgedFaces"/>). When every main face is such a glimpse (a photo sent as frames seconds
    /// apart), all of them are judged, and fail closed.
    /// </remarks>
    private static int[][] MainFaces(FaceTracks tracks, FaceTrack[] judged, FrameShortlist shortlist)
    {
        var faces = judged.Where(track => track.WasMain).Select(track => track.Face).Distinct()
            .Select(face => tracks.All.Where(track => track.Face == face).ToArray())
            .ToArray();
        var shortlisted = shortlist.Frames.Select(frame => frame.Track).ToHashSet();
        var counted = faces.Where(face => !face.All(track => track.SeenOnce && !shortlisted.Contains(track.Id))).ToArray();
        return [.. (counted.Length > 0 ? counted : faces).Select(face => face.Select(track => track.Id).ToArray())];
    }

    /// <summary>
    /// The tracks judged and their classifier scores over time: with coverage, every track classified that was the main
    /// face or has enough frames of its own, with the times it was found again and the frames it was found again in
    /// (<see cref="TemporalScore"/>); without it (<c>Pipeline:CoverageSeconds</c> 0, the pipeline before issue 12),
    /// the main face by its best frames, classified now.
    /// </summary>
    private (FaceTrack[] Tracks, JudgedFace[] Faces) JudgedFaces(
        FaceTracks tracks, FrameShortlist shortlist, FaceMotion? motion, IReadOnlyList<FoundAgainFrame> foundAgainFrames, ServingBackends serving)
    {
        if (options.CoverageSeconds > 0)
        {
            var covered = tracks.All
                .Where(track => track.Coverage.Scores.Count > 0 && (track.WasMain || track.Coverage.Scores.Count >= options.JudgedFaceFrames))
                .ToArray();
            return (covered, [.. covered.Select(track => JudgedFace.Of(
                track.Id,
                track.Coverage.Scores,
                motion?.FoundAgainOf(track.Id) ?? [],
                [.. foundAgainFrames.Where(frame => frame.Track == track.Id).Select(frame => frame.Frame)],
                fusion))]);
        }

        var best = shortlist.Frames.OrderBy(frame => frame.Seconds)
            .Select(frame => new FrameScore(frame.Seconds, Classify(serving, frame.Image, [frame.Face.Box])[0]))
            .ToArray();
        return ([.. tracks.All.Where(track => track.WasMain)], [JudgedFace.Of(tracks.Main?.Id ?? 0, best, [], [], fusion)]);
    }

    /// <summary>
    /// The cues switched on, read on a presentation's best frames, its motion and the tracks that were its main face
    /// (a video's only), its device readings and the stream of the video decoded to its end (a video's only).
    /// </summary>
    private CueReading[] ReadCues(
        IReadOnlyList<(OpenCvSharp.Mat Image, Abstractions.FaceBox Face)> frames, (FaceMotion Motion, int[][] MainFaces)? moving, IReadOnlyList<FrameScore> devices,
        SampledVideo? decoded) =>
        FrameCues.Read(frames, fusion)
            .Concat(moving is { } video ? MotionCues.Read(video.Motion, video.MainFaces, fusion) : [])
            .Concat(SceneCues.Read([.. devices.Select(frame => frame.Score)], fusion))
            .Concat(decoded is null ? [] : StreamBitrateCue.Read(decoded.VideoStreamBytes, decoded.FrameSize, decoded.DurationSeconds, fusion))
            .ToArray();

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
            LivenessMetrics.ModelInference.WithLabels(backend.Name, RoleNames.Of(role)).Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
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
