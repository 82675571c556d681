using System.Threading.Channels;
using Liveness.Abstractions;
using Liveness.Host.Metrics;
using Liveness.Host.Pipeline.Cues;
using Liveness.Host.Video;
using OpenCvSharp;

namespace Liveness.Host.Pipeline;

/// <summary>
/// The request's second thread: follows the main face's motion, classifies it in the frames it was found again in
/// (only the motion knows them), and looks for a device holding a tracked face, on copies of the sampled frames,
/// while the request's own thread detects, tracks and classifies the next ones. Half of a request's model work moves
/// here, so a lone request keeps both cores busy while its video decodes.
/// </summary>
/// <remarks>
/// Frames are handled one at a time in the order they were posted, so the motion steps are those of the frames in
/// sequence. At most <see cref="Depth"/> frames wait; a slower lane holds the request's thread back, never memory.
/// The motion, the frames found again and the device readings are complete once <see cref="CompleteAsync"/> returns.
/// When both threads fail (a backend here, the video on the request's thread), the request answers with whichever
/// failed first.
/// </remarks>
internal sealed class MotionAndSceneLane : IAsyncDisposable
{
    private const int Depth = 3;

    private readonly FaceMotion? motion;
    private readonly Func<Mat, FaceBox, double> classify;
    private readonly int maxFoundAgainFrames;
    private readonly List<FoundAgainFrame> foundAgainFrames = [];
    private readonly FrameCoverage devices;
    private readonly Func<Mat, IReadOnlyList<SceneObject>>? detectScene;
    private readonly StageTimer stages;
    private readonly Channel<Sample> samples = Channel.CreateBounded<Sample>(new BoundedChannelOptions(Depth) { SingleReader = true, SingleWriter = true });
    private readonly ImagePool images = new();
    private readonly CancellationTokenSource stop;
    private readonly Task working;

    // Beyond the allowance of frames found again, the last one, its image kept until the end.
    private Sample? lastUnclassified;

    /// <param name="motion">Where the main face's motion goes, or null when no motion cue is on.</param>
    /// <param name="classify">The classifier's live probability of a face in a frame, timed and mapped to the contract's errors.</param>
    /// <param name="maxFoundAgainFrames">At most this many frames the main face was found again in are classified as they come, and the last one after them at the end; 0: none.</param>
    /// <param name="devices">Where the device-in-view readings go, when it wants one for a frame.</param>
    /// <param name="detectScene">The scene detector, timed and mapped to the contract's errors; null when none serves or the cue is off.</param>
    public MotionAndSceneLane(
        FaceMotion? motion,
        Func<Mat, FaceBox, double> classify,
        int maxFoundAgainFrames,
        FrameCoverage devices,
        Func<Mat, IReadOnlyList<SceneObject>>? detectScene,
        StageTimer stages,
        CancellationToken cancellationToken)
    {
        this.motion = motion;
        this.classify = classify;
        this.maxFoundAgainFrames = maxFoundAgainFrames;
        this.devices = devices;
        this.detectScene = detectScene;
        this.stages = stages;
        stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        working = Task.Run(WorkAsync, CancellationToken.None);
    }

    /// <summary>
    /// Queues one sampled frame: its time, the main face in it with its track (null when none), and every tracked
    /// face. The image is copied (the caller's is reused) only when there is work on it.
    /// </summary>
    public async ValueTask PostAsync(Mat image, double seconds, (int Track, FaceBox Box)? main, FaceBox[] trackedFaces)
    {
        Mat? copy = null;
        if ((motion is not null && main is not null) || (detectScene is not null && trackedFaces.Length > 0))
        {
            copy = images.Take();
            image.CopyTo(copy);
        }

        try
        {
            await samples.Writer.WriteAsync(new Sample(copy, seconds, main, trackedFaces), stop.Token);
        }
        catch (ChannelClosedException)
        {
            // The lane failed: its failure is the request's.
            await working;
            throw;
        }
    }

    /// <summary>
    /// The main face classified in each frame it was found again in (<see cref="FaceMotion.FoundAgainOf"/>), with its
    /// track, in time order: the first <c>maxFoundAgainFrames</c> and the last; complete once <see cref="CompleteAsync"/> returns.
    /// </summary>
    public IReadOnlyList<FoundAgainFrame> FoundAgainFrames => foundAgainFrames;

    /// <summary>Waits for every frame posted to be done; the lane's failure (a backend's 4007) is thrown here.</summary>
    public async Task CompleteAsync()
    {
        samples.Writer.TryComplete();
        await working;
    }

    public async ValueTask DisposeAsync()
    {
        samples.Writer.TryComplete();
        await stop.CancelAsync();
        // Its failure was the request's already, or the request failed first: either way it is not this one's to throw.
        await working.ContinueWith(done => _ = done.Exception, TaskScheduler.Default);
        stop.Dispose();
        images.Dispose();
    }

    private async Task WorkAsync()
    {
        try
        {
            await foreach (var sample in samples.Reader.ReadAllAsync(stop.Token))
            {
                try
                {
                    Handle(sample);
                }
                finally
                {
                    // The last frame found again beyond the allowance keeps its image until the end.
                    if (sample.Image is not null && !ReferenceEquals(sample, lastUnclassified))
                    {
                        images.Return(sample.Image);
                    }
                }
            }

            // Beyond the allowance, the last frame the face was found again in is classified once every frame is
            // done, so that the stretch that ends the video always has its first frame classified.
            if (lastUnclassified is not null)
            {
                ClassifyFoundAgain(lastUnclassified);
            }
        }
        catch (Exception e)
        {
            samples.Writer.TryComplete(e);
            throw;
        }
        finally
        {
            if (lastUnclassified?.Image is { } image)
            {
                images.Return(image);
            }
        }
    }

    private void Handle(Sample sample)
    {
        if (motion is not null && sample is { Main: { } main, Image: { } image }
            && stages.Time(LivenessPipeline.Stage.Track, () => motion.Observe(image, sample.Seconds, main.Track, main.Box)))
        {
            if (foundAgainFrames.Count < maxFoundAgainFrames)
            {
                ClassifyFoundAgain(sample);
            }
            else if (maxFoundAgainFrames > 0)
            {
                if (lastUnclassified?.Image is { } older)
                {
                    images.Return(older);
                }

                lastUnclassified = sample;
            }
        }

        if (detectScene is not null && sample.TrackedFaces.Length > 0 && devices.Wants(sample.Seconds))
        {
            var objects = stages.Time(LivenessPipeline.Stage.Scene, () => detectScene(sample.Image!));
            devices.Add(sample.Seconds, sample.TrackedFaces.Max(face => DeviceInViewCue.Measure(objects, face)));
        }
    }

    private void ClassifyFoundAgain(Sample sample)
    {
        var (track, face) = sample.Main!.Value;
        var score = stages.Time(LivenessPipeline.Stage.Classify, () => classify(sample.Image!, face));
        foundAgainFrames.Add(new FoundAgainFrame(track, new FrameScore(sample.Seconds, score)));
    }

    private sealed record Sample(Mat? Image, double Seconds, (int Track, FaceBox Box)? Main, FaceBox[] TrackedFaces);
}
