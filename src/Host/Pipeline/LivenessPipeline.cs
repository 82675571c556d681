using Liveness.Host.Api;
using Liveness.Host.Crypto;
using Liveness.Host.Plugins;
using Liveness.Host.Video;
using Microsoft.Extensions.Options;

namespace Liveness.Host.Pipeline;

/// <summary>One liveness check, in the contract's order: decrypt, decode, follow the face, check its time, classify, decide.</summary>
internal sealed class LivenessPipeline(
    VideoDecryptor decryptor,
    BackendRegistry backends,
    IOptions<VideoOptions> videoOptions,
    IOptions<PipelineOptions> pipelineOptions)
{
    private readonly VideoOptions video = videoOptions.Value;
    private readonly PipelineOptions options = pipelineOptions.Value;

    public async Task<LivenessDecision> RunAsync(LivenessRequest request, CancellationToken cancellationToken)
    {
        var videoBytes = decryptor.Decrypt(request.EncryptedVideo);
        using var lease = backends.Lease() ?? throw new LivenessError(ErrorKind.NoBackendReady, "no model backend is ready");
        var serving = lease.Backends;
        var label = serving.Label;

        using var file = await TempVideoFile.WriteAsync(video.ResolveTempDirectory(), videoBytes, cancellationToken);
        using var shortlist = new FrameShortlist(options.ClassifiedFrames);
        var (videoSeconds, faceSeconds) = FollowFace(file.Path, serving, shortlist, cancellationToken);

        if (videoSeconds < VideoOptions.MinSeconds)
        {
            throw LivenessError.InvalidVideo($"the video is {videoSeconds:0.##} s long, shorter than {VideoOptions.MinSeconds} s");
        }

        if (faceSeconds < options.MinFaceSeconds || shortlist.Frames.Count == 0)
        {
            return new LivenessDecision(LivenessStatus.ShortTime, 0, label);
        }

        var score = Classify(shortlist, serving);
        if (score < options.PassThreshold)
        {
            return new LivenessDecision(LivenessStatus.Hack, score, label);
        }

        var best = shortlist.Frames[0];
        return new LivenessDecision(
            LivenessStatus.Ok,
            score,
            label,
            best.Seconds,
            request.ReturnImage ? SelectedFrameImages.Frame(best, options.JpegQuality) : null,
            request.ReturnFaceImage ? SelectedFrameImages.Face(best, options.JpegQuality) : null);
    }

    /// <summary>Decodes the whole video, detects on sampled frames, follows the main face and shortlists its best frames.</summary>
    private (double VideoSeconds, double FaceSeconds) FollowFace(
        string path, ServingBackends serving, FrameShortlist shortlist, CancellationToken cancellationToken)
    {
        using var sampled = SampledVideo.Open(path, video);
        var track = new FaceTrack();
        foreach (var frame in sampled.Frames(options.SampleIntervalSeconds, cancellationToken))
        {
            var faces = Infer(() => serving.Detector.Detect(frame.Image.AsBgrImage()));
            if (track.Follow(frame.Seconds, faces) is { } face && face.Box.Width >= options.MinFaceWidth)
            {
                shortlist.Offer(frame.Image, frame.Seconds, face, FrameQuality.Of(frame.Image, face));
            }
        }

        return (sampled.DurationSeconds, track.VisibleSeconds(sampled.DurationSeconds));
    }

    private static double Classify(FrameShortlist shortlist, ServingBackends serving)
    {
        var scores = shortlist.Frames
            .Select(frame => (double)Infer(() => serving.Classifier.LiveProbability(frame.Image.AsBgrImage(), frame.Face.Box)))
            .ToArray();
        return Math.Clamp(ScoreFusion.Median(scores), 0, 1);
    }

    /// <summary>A backend failure is the contract's 4007, never an unmapped 500.</summary>
    private static T Infer<T>(Func<T> inference)
    {
        try
        {
            return inference();
        }
        catch (Exception e) when (e is not (LivenessError or OperationCanceledException))
        {
            throw LivenessError.CheckFailed("the model backend failed on this video", e);
        }
    }
}
