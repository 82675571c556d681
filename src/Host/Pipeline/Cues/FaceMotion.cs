using Liveness.Abstractions;
using OpenCvSharp;

namespace Liveness.Host.Pipeline.Cues;

/// <summary>
/// How the main face and what surrounds it moved between consecutive sampled frames: corners tracked with pyramidal
/// Lucas-Kanade inside the face and in a ring around it, and the homography that best carries the face's corners.
/// A flat thing (a print, a screen) moves exactly as one homography; a live head turning and talking does not.
/// The steps are kept per face track, in stretches: each face that was the main one must show its own motion, and
/// so must each stretch of it that was followed without a break (<see cref="StretchesOf"/>).
/// </summary>
internal sealed class FaceMotion : IDisposable
{
    /// <summary>
    /// Frames are tracked at the scale that makes the face this wide (pixels) where a chain of steps starts, never
    /// enlarged: the cues measure in face widths, and the cost is that of the face, not of the frame. Each chain (a
    /// track followed without a long gap) gets its own scale, so a small face that becomes the main one after a large
    /// one is not tracked at the large one's.
    /// </summary>
    private const int TrackedFaceWidth = 160;

    private const int MinPoints = 8;

    /// <summary>
    /// A face is followed through a step when at least this share of the corners found on it fit the step's
    /// homography: counted against all it had, not only those the optical flow claims to have found again, which
    /// after a cut to another picture can be a handful that happen to agree. Another face in its place (a print
    /// brought up over it) leaves its corners matched to nothing; a live head turning fast fits less too, which only
    /// ends a stretch of steps that are live anyway (<see cref="MicroMotionCue"/>).
    /// </summary>
    private const double MinFollowedShare = 0.5;

    /// <summary>
    /// The most samples RANSAC draws for a step's homography (OpenCV's default is 2000). A face that can be followed
    /// has at least <see cref="MinFollowedShare"/> of its corners on one homography: at the default confidence (0.995)
    /// the search ends after about 80 draws once it has found that, and misses it in 300 with a chance under 1 in 10^8.
    /// Only a step whose best homography fits under 37% of the corners draws more, a step that is not followed
    /// anyway; OpenCV's own 2000 made each such step cost 20-50 ms instead of under 1 (docs/benchmarks.md).
    /// </summary>
    private const int MaxHomographyDraws = 300;

    /// <summary>
    /// Container time between two tracked frames: long enough for a blink or a word to move the face's corners
    /// well above the tracker's noise, short enough for corners to stay findable.
    /// </summary>
    public const double StepSeconds = 0.2;

    /// <summary>
    /// The longest step: a sampled frame where the main face was missed is bridged (two samples apart), a longer gap
    /// starts a new chain. Corners are still findable over 0.4 s of a face that moves as a selfie does.
    /// </summary>
    public const double MaxStepSeconds = 0.5;

    /// <summary>The ring around the face reaches this many face sizes, centred on the face...</summary>
    private const double RingFactor = 2.2;

    /// <summary>...and starts at this many, so that the face's own edge (hair, ears, the background just behind) is left out.</summary>
    private const double HoleFactor = 1.2;

    private readonly List<MotionStep> steps = [];
    private readonly Dictionary<int, List<MotionStep>> stepsByTrack = [];
    private readonly Dictionary<int, List<MotionStretch>> stretchesByTrack = [];
    private readonly Dictionary<int, List<double>> foundAgainByTrack = [];
    private readonly HashSet<int> chainedTracks = [];

    // The same three images serve the whole video: the frame in gray, and the tracked scale of this frame and the last.
    private readonly Mat fullGray = new();
    private Mat current = new();
    private Mat previous = new();
    private bool chained;

    // The stretch the face is followed in now, and whether this chain's last step was a break.
    private MotionStretch? stretch;
    private bool broken;
    private int chainTrack;
    private FaceBox previousFace;
    private double scale;
    private double previousSeconds;

    /// <summary>Every step, of every track, in the order they were taken.</summary>
    public IReadOnlyList<MotionStep> Steps => steps;

    /// <summary>The steps taken while <paramref name="track"/> was the main face.</summary>
    public IReadOnlyList<MotionStep> StepsOf(int track) => stepsByTrack.TryGetValue(track, out var taken) ? taken : [];

    /// <summary>
    /// The steps of <paramref name="track"/> through which the face was followed, in stretches: a step where it could
    /// not be (its corners lost, as when another face takes its place at the same spot) belongs to none and ends the
    /// stretch before it (a break, <see cref="MotionStretch.BeforeBreak"/>), and so does a gap that broke the chain.
    /// </summary>
    public IReadOnlyList<MotionStretch> StretchesOf(int track) =>
        stretchesByTrack.TryGetValue(track, out var stretches) ? stretches : [];

    /// <summary>
    /// The container times of the frames the face of <paramref name="track"/> was found again in, in time order: after
    /// a step it could not be followed through (a break), or after its chain of steps ended (a gap, or another face
    /// the main one for a while). Each is where another picture may have taken the face's place unseen.
    /// </summary>
    public IReadOnlyList<double> FoundAgainOf(int track) => foundAgainByTrack.TryGetValue(track, out var times) ? times : [];

    /// <summary>
    /// Takes a sampled frame, its container time, the main face's track and its box. A step joins it to the last frame
    /// taken when that one was of the same track and at most <see cref="MaxStepSeconds"/> before; frames closer than
    /// <see cref="StepSeconds"/> to it are passed over.
    /// </summary>
    /// <returns>Whether the face was found again in this frame (<see cref="FoundAgainOf"/>).</returns>
    public bool Observe(Mat frame, double seconds, int track, FaceBox box)
    {
        if (chained && (track != chainTrack || seconds - previousSeconds > MaxStepSeconds))
        {
            chained = false;
        }

        if (chained && seconds - previousSeconds < StepSeconds - 0.01)
        {
            return false;
        }

        var foundAgain = false;
        if (!chained)
        {
            scale = Math.Min(1.0, TrackedFaceWidth / Math.Max(1.0, box.Width));
            stretch = null;
            broken = false;
            foundAgain = !chainedTracks.Add(track);
        }

        Cv2.CvtColor(frame, fullGray, ColorConversionCodes.BGR2GRAY);
        Cv2.Resize(fullGray, current, new Size(Math.Max(1, (int)Math.Round(frame.Width * scale)), Math.Max(1, (int)Math.Round(frame.Height * scale))),
            interpolation: InterpolationFlags.Linear);

        var scaled = new FaceBox((float)(box.X * scale), (float)(box.Y * scale), (float)(box.Width * scale), (float)(box.Height * scale));
        if (chained)
        {
            var measured = Step(previous, current, previousFace);
            if (measured is { Step: var step })
            {
                steps.Add(step);
                (stepsByTrack.TryGetValue(track, out var taken) ? taken : stepsByTrack[track] = []).Add(step);
            }

            if (measured is { Followed: true, Step: var followedStep })
            {
                if (stretch is null)
                {
                    stretch = new MotionStretch(afterBreak: broken);
                    (stretchesByTrack.TryGetValue(track, out var stretches) ? stretches : stretchesByTrack[track] = []).Add(stretch);
                }

                stretch.Add(followedStep);
                broken = false;
            }
            else
            {
                stretch?.EndWithBreak();
                stretch = null;
                broken = true;
                foundAgain = true;
            }
        }

        if (foundAgain)
        {
            (foundAgainByTrack.TryGetValue(track, out var times) ? times : foundAgainByTrack[track] = []).Add(seconds);
        }

        (previous, current) = (current, previous);
        chained = true;
        chainTrack = track;
        previousFace = scaled;
        previousSeconds = seconds;
        return foundAgain;
    }

    public void Dispose()
    {
        fullGray.Dispose();
        current.Dispose();
        previous.Dispose();
    }

    /// <summary>
    /// One step, and whether the face was followed through it: at least <see cref="MinFollowedShare"/> of the corners
    /// found on it fit the step's homography. Null when it could not be measured (a face too small, too few corners found again).
    /// </summary>
    /// <remarks>
    /// The optical flow assumes each corner keeps its brightness. When the whole picture changed its brightness at
    /// once (an exposure that settled in one step, a light switched on), the face's corners are lost as if another
    /// picture had taken its place; so a step that was not followed is measured again with the later window brought
    /// to the earlier one's mean and spread, and counts as followed if it then is. Another picture in the face's
    /// place stays unfollowed however it is lit.
    /// </remarks>
    private static (MotionStep Step, bool Followed)? Step(Mat before, Mat after, FaceBox face)
    {
        if (face.Width < 16)
        {
            return null;
        }

        // One optical flow over the face and the ring around it, in a window of both frames around the face: the
        // pyramids are built once, and only where the points are.
        var window = Expand(face, RingFactor + 0.4, before.Size());
        using var beforeWindow = new Mat(before, window);
        using var afterWindow = new Mat(after, window);
        var inWindow = new FaceBox(face.X - window.X, face.Y - window.Y, face.Width, face.Height);
        var measured = Measure(beforeWindow, afterWindow, inWindow);
        if (measured is { Followed: true })
        {
            return measured;
        }

        using var relit = Relit(afterWindow, beforeWindow);
        return Measure(beforeWindow, relit, inWindow) is { Followed: true } again ? again : measured;
    }

    private static (MotionStep Step, bool Followed)? Measure(Mat before, Mat after, FaceBox face)
    {
        var width = (double)face.Width;
        var (found, faceFrom, faceTo, ringFrom, ringTo) = Track(before, after, face);
        if (faceFrom.Length < MinPoints)
        {
            return null;
        }

        using var inliers = new Mat();
        using var homography = Cv2.FindHomography(
            faceFrom.Select(Double), faceTo.Select(Double), HomographyMethods.Ransac, 0.02 * width, inliers, MaxHomographyDraws);
        if (homography.Empty())
        {
            return null;
        }

        var motion = Quantile.Median(Distances(faceFrom, faceTo)) / width;
        var faceResidual = Quantile.Of(Distances(Project(homography, faceFrom), faceTo), 0.75) / width;
        double? ringResidual = ringFrom.Length < MinPoints
            ? null
            : Quantile.Median(Distances(Project(homography, ringFrom), ringTo)) / width;
        return (new MotionStep(motion, faceResidual, ringResidual), Cv2.CountNonZero(inliers) >= MinFollowedShare * found);
    }

    /// <summary><paramref name="image"/> brought to the mean and spread of <paramref name="like"/>'s brightness.</summary>
    private static Mat Relit(Mat image, Mat like)
    {
        Cv2.MeanStdDev(image, out var mean, out var spread);
        Cv2.MeanStdDev(like, out var likeMean, out var likeSpread);
        var gain = likeSpread.Val0 / Math.Max(1.0, spread.Val0);
        var relit = new Mat();
        image.ConvertTo(relit, MatType.CV_8UC1, gain, likeMean.Val0 - gain * mean.Val0);
        return relit;
    }

    /// <summary>Corners on the face and in the ring around it (not between the two), and where each went.</summary>
    /// <remarks>Each area gets its own search: a bezel's strong corners must not crowd out the face's weaker ones.</remarks>
    private static (int Found, Point2f[] FaceFrom, Point2f[] FaceTo, Point2f[] RingFrom, Point2f[] RingTo) Track(Mat before, Mat after, FaceBox face)
    {
        var inner = Inner(face, before.Size());
        using var faceArea = new Mat(before, inner);
        using var anywhere = new Mat();
        var onFace = Cv2.GoodFeaturesToTrack(faceArea, 80, 0.01, 3, anywhere, 3, false, 0.04)
            .Select(corner => new Point2f(corner.X + inner.X, corner.Y + inner.Y))
            .ToArray();
        using var ring = new Mat(before.Size(), MatType.CV_8UC1, Scalar.All(0));
        ring[Expand(face, RingFactor, before.Size())].SetTo(Scalar.All(255));
        ring[Expand(face, HoleFactor, before.Size())].SetTo(Scalar.All(0));
        var corners = onFace.Concat(Cv2.GoodFeaturesToTrack(before, 80, 0.01, 3, ring, 3, false, 0.04)).ToArray();
        if (corners.Length < MinPoints)
        {
            return (onFace.Length, [], [], [], []);
        }

        var moved = Array.Empty<Point2f>();
        Cv2.CalcOpticalFlowPyrLK(before, after, corners, ref moved, out var status, out _, new Size(15, 15), 2);
        var faceKept = Enumerable.Range(0, onFace.Length).Where(i => status[i] == 1).ToArray();
        var ringKept = Enumerable.Range(onFace.Length, corners.Length - onFace.Length).Where(i => status[i] == 1).ToArray();
        return (
            onFace.Length,
            faceKept.Select(i => corners[i]).ToArray(), faceKept.Select(i => moved[i]).ToArray(),
            ringKept.Select(i => corners[i]).ToArray(), ringKept.Select(i => moved[i]).ToArray());
    }

    private static Point2f[] Project(Mat homography, Point2f[] points) =>
        Cv2.PerspectiveTransform(points, homography);

    private static double[] Distances(Point2f[] from, Point2f[] to) =>
        from.Zip(to, (a, b) => (double)Point2f.Distance(a, b)).ToArray();

    private static Point2d Double(Point2f point) => new(point.X, point.Y);

    /// <summary>The face without its outer tenth on each side, where the background shows through.</summary>
    private static Rect Inner(FaceBox face, Size size) => ImageRegion.Of(
        new FaceBox(face.X + 0.1f * face.Width, face.Y + 0.1f * face.Height, 0.8f * face.Width, 0.8f * face.Height), size.Width, size.Height);

    private static Rect Expand(FaceBox face, double factor, Size size) => ImageRegion.Of(
        new FaceBox(
            (float)(face.X + face.Width / 2 * (1 - factor)), (float)(face.Y + face.Height / 2 * (1 - factor)),
            (float)(face.Width * factor), (float)(face.Height * factor)),
        size.Width, size.Height);
}
