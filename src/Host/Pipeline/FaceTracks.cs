using Liveness.Abstractions;

namespace Liveness.Host.Pipeline;

/// <summary>
/// Every face of a video that is large enough to matter, each followed by overlap across the sampled frames, and
/// the main face among them.
/// </summary>
/// <remarks>
/// A face is tracked when it is at least <see cref="PipelineOptions.TrackedFaceShare"/> of the width of the largest
/// face in its frame, the main face counting at its last size while it is out of view for a moment: a face on a
/// phone held beside the user is, a bystander far behind or a small poster is not, even in a frame where the
/// detector missed the user. The main face is the largest when none is followed yet; it stays the main face while
/// its track is open (a face walking in does not steal it, nor does a frame where it was missed), and once it has
/// been out of view for over <see cref="MaxGapSeconds"/> the largest face then in view takes over, so a phone that
/// covers the user's face becomes the main face a second later. A face that moved too fast to overlap its last box
/// is not lost for that second: a new face of about its size near where it was last seen is the main face moved.
/// It is on a track of its own, so it must show its own motion; when the whole picture moved with it (a camera
/// jolted, not a face swapped in front of a still one), it is the same face as before (<see cref="FaceTrack.Face"/>).
/// </remarks>
internal sealed class FaceTracks(PipelineOptions options)
{
    private const float MinOverlap = 0.2f;

    /// <summary>A track not seen for this long is over: a face that comes back later starts a new one.</summary>
    private const double MaxGapSeconds = 1.0;

    /// <summary>A new face is the main face moved when its width is within this ratio of the main face's last width...</summary>
    private const float MovedSizeRatio = 0.7f;

    /// <summary>...and its centre within this many of those widths of the main face's last centre.</summary>
    private const float MovedDistanceWidths = 1.5f;

    /// <summary>The main face moved with the camera when the picture's shift is this close (in its widths) to the face's own.</summary>
    private const float CameraAgreementWidths = 0.25f;

    private readonly List<FaceTrack> tracks = [];
    private readonly List<(double Seconds, bool Seen)> samples = [];
    private readonly List<(FaceTrack Track, DetectedFace Face)> current = [];

    public IReadOnlyList<FaceTrack> All => tracks;

    /// <summary>The tracked faces of the last frame followed, each with its track.</summary>
    public IReadOnlyList<(FaceTrack Track, DetectedFace Face)> Current => current;

    /// <summary>The main face's track: the last one chosen, in view or not (it is handed on once it has been out of view over a second and another face is in view, or to the face it moved to).</summary>
    public FaceTrack? Main { get; private set; }

    /// <summary>Takes the detections of one sampled frame; returns the main face in it, if there is one.</summary>
    /// <param name="cameraShift">
    /// The whole picture's translation since the frame the main face was last seen in (<see cref="CameraShift"/>),
    /// or null when no single one explains it; asked only when the main face moved too fast to overlap.
    /// </param>
    public DetectedFace? Follow(double seconds, IReadOnlyList<DetectedFace> faces, Func<FacePoint?>? cameraShift = null)
    {
        samples.Add((seconds, faces.Count > 0));
        current.Clear();
        var open = tracks.Where(track => seconds - track.LastSeconds <= MaxGapSeconds).ToList();
        var mainOpen = Main is not null && open.Contains(Main);
        var mainMissed = mainOpen && !faces.Any(face => face.Box.IntersectionOverUnion(Main!.Last.Box) >= MinOverlap);
        var largest = faces.Select(face => face.Box.Width).Append(mainMissed ? Main!.Last.Box.Width : 0).Max();
        var tracked = faces.Where(face => face.Box.Width >= options.TrackedFaceShare * largest).ToList();

        // Greedy matching, best overlap first: each open track takes at most one face, each face at most one track.
        var pairs = open
            .SelectMany(track => tracked.Select(face => (Track: track, Face: face, Overlap: face.Box.IntersectionOverUnion(track.Last.Box))))
            .Where(pair => pair.Overlap >= MinOverlap)
            .OrderByDescending(pair => pair.Overlap);
        foreach (var (track, face, _) in pairs)
        {
            if (current.Exists(taken => taken.Track == track || taken.Face == face))
            {
                continue;
            }

            track.Saw(seconds, face);
            current.Add((track, face));
        }

        var matched = current.Count;
        foreach (var face in tracked.Where(face => !current.Exists(taken => taken.Face == face)))
        {
            var track = new FaceTrack(tracks.Count + 1, seconds, face, new FrameCoverage(options.CoverageSeconds, options.CoverageFrames));
            tracks.Add(track);
            current.Add((track, face));
        }

        var main = current.Find(taken => taken.Track == Main);
        if (main.Track is null)
        {
            main = mainOpen ? MovedMain(current.Skip(matched)) : current.OrderByDescending(taken => taken.Face.Box.Area).FirstOrDefault();
            if (mainOpen && main.Track is not null && MovedWithCamera(main.Face.Box, cameraShift))
            {
                main.Track.CameraMovedFrom = Main;
            }

            if (main.Track is not null)
            {
                main.Track.WasMain = true;
                Main = main.Track;
            }
        }

        return main.Face;
    }

    /// <summary>The closest of the faces new in this frame that is the main face moved, if one is.</summary>
    private (FaceTrack Track, DetectedFace Face) MovedMain(IEnumerable<(FaceTrack Track, DetectedFace Face)> started)
    {
        var last = Main!.Last.Box;
        return started
            .Where(taken => Math.Min(taken.Face.Box.Width, last.Width) >= MovedSizeRatio * Math.Max(taken.Face.Box.Width, last.Width))
            .Select(taken => (Taken: taken, Distance: CentreDistance(taken.Face.Box, last)))
            .Where(candidate => candidate.Distance <= MovedDistanceWidths * last.Width)
            .OrderBy(candidate => candidate.Distance)
            .Select(candidate => candidate.Taken)
            .FirstOrDefault();
    }

    /// <summary>Whether the whole picture moved as the main face did, from its last box to <paramref name="moved"/>.</summary>
    private bool MovedWithCamera(FaceBox moved, Func<FacePoint?>? cameraShift)
    {
        var (from, to) = (Centre(Main!.Last.Box), Centre(moved));
        return cameraShift?.Invoke() is { } shift
            && float.Hypot(to.X - from.X - shift.X, to.Y - from.Y - shift.Y) <= CameraAgreementWidths * Main.Last.Box.Width;
    }

    private static float CentreDistance(FaceBox a, FaceBox b) => float.Hypot(Centre(a).X - Centre(b).X, Centre(a).Y - Centre(b).Y);

    private static FacePoint Centre(FaceBox box) => new(box.X + box.Width / 2, box.Y + box.Height / 2);

    /// <summary>
    /// Time a face was visible: each sampled frame with a face counts until the next sampled frame (the last until the
    /// end), at most <see cref="MaxGapSeconds"/>: a face not seen for longer was not followed in between.
    /// </summary>
    public double VisibleSeconds(double videoSeconds)
    {
        var total = 0.0;
        for (var i = 0; i < samples.Count; i++)
        {
            if (samples[i].Seen)
            {
                var until = i + 1 < samples.Count ? samples[i + 1].Seconds : videoSeconds;
                total += Math.Clamp(until - samples[i].Seconds, 0, MaxGapSeconds);
            }
        }

        return total;
    }
}
