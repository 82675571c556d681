using System.Security.Cryptography;
using Liveness.Host.Metrics;
using Liveness.Host.Video;
using Liveness.Host.Plugins;

namespace Liveness.Host.Pipeline;

/// <summary>
/// What the check of one request went through, recorded by the pipeline as it goes: the video's fingerprint and
/// shape, the backends that served it, the faces it followed, the time of each stage and, when evidence is kept,
/// the selected frame's images. The answer's <c>details</c> and the audit event are made of it; it holds no video bytes.
/// </summary>
internal sealed class RequestTrace
{
    public StageTimer Stages { get; } = new();

    /// <summary>Set before the check when <c>Audit:KeepImages</c> is on: only then are the selected frame's images encoded for the evidence.</summary>
    public bool KeepsEvidence { get; set; }

    public VideoFingerprint? Video { get; private set; }

    public ServingBackends? Serving { get; set; }

    /// <summary>The video's length by its decoded frames; null until it was decoded to the end.</summary>
    public double? VideoSeconds { get; private set; }

    /// <summary>Time a tracked face was in view.</summary>
    public double? FaceSeconds { get; private set; }

    public (int Width, int Height)? FrameSize { get; private set; }

    public IReadOnlyList<TrackSpan> Tracks { get; private set; } = [];

    public EvidenceImages? Evidence { get; private set; }

    public void Decrypted(byte[] video) => Video = VideoFingerprint.Of(video);

    public void Followed(double videoSeconds, double faceSeconds, (int Width, int Height)? frameSize, IEnumerable<FaceTrack> tracks)
    {
        VideoSeconds = videoSeconds;
        FaceSeconds = faceSeconds;
        FrameSize = frameSize;
        Tracks = [.. tracks.Select(track => new TrackSpan(track.Id, track.FirstSeconds, track.LastSeconds, track.WasMain))];
    }

    /// <summary>The frame the answer would return; encoded (frame and face crop) only when evidence is kept.</summary>
    public void Selected(SelectedFrame best, int jpegQuality)
    {
        if (KeepsEvidence)
        {
            Evidence = new EvidenceImages(best.Seconds, SelectedFrameImages.Frame(best, jpegQuality), SelectedFrameImages.Face(best, jpegQuality));
        }
    }
}

/// <summary>One tracked face: when it was first and last seen, and whether it was ever the main face.</summary>
internal sealed record TrackSpan(int Track, double FirstSeconds, double LastSeconds, bool WasMain);

/// <summary>The selected frame of a request and the face clipped from it, JPEG, for <c>Audit:KeepImages</c>.</summary>
internal sealed record EvidenceImages(double FrameSeconds, byte[] FrameJpeg, byte[] FaceJpeg);

/// <summary>What identifies a decrypted upload without keeping it: its SHA-256, size and container (by its first bytes).</summary>
internal sealed record VideoFingerprint(string Sha256, long Bytes, string Container)
{
    public static VideoFingerprint Of(byte[] video) =>
        new(Convert.ToHexStringLower(SHA256.HashData(video)), video.Length, VideoContainer.Sniff(video));
}
