using System.Collections.Concurrent;
using System.Diagnostics;

namespace Liveness.Host.Tests;

/// <summary>
/// Clips derived from the real shared videos with Debian's ffmpeg (installed by .ci/run): other containers and
/// codecs, cuts, a variable frame rate. Made once per test run in a temp folder.
/// </summary>
internal static class TestVideos
{
    /// <summary>A real live face video (1080x720 H.264, 3.8 s).</summary>
    public const string LiveSource = "lestari15_real.mp4";

    private static readonly string Folder = Directory.CreateTempSubdirectory("liveness-videos-").FullName;
    private static readonly ConcurrentDictionary<string, Lazy<string>> Made = new();

    /// <summary>Container/codec variants of the live face video: file name to ffmpeg output options.</summary>
    public static readonly IReadOnlyDictionary<string, string> Formats = new Dictionary<string, string>
    {
        ["h264.mp4"] = "-c:v libx264 -pix_fmt yuv420p",
        ["hevc.mp4"] = "-c:v libx265 -pix_fmt yuv420p -tag:v hvc1 -x265-params log-level=error",
        ["h264.mov"] = "-c:v libx264 -pix_fmt yuv420p",
        ["mjpeg.avi"] = "-c:v mjpeg -q:v 3",
        ["vp8.webm"] = "-c:v libvpx -b:v 1M",
        ["vp9.webm"] = "-c:v libvpx-vp9 -b:v 1M -deadline realtime -cpu-used 8",
        ["h264.mkv"] = "-c:v libx264 -pix_fmt yuv420p",
        ["h264.flv"] = "-c:v libx264 -pix_fmt yuv420p",
        ["h264.3gp"] = "-c:v libx264 -pix_fmt yuv420p",
        ["h264.ts"] = "-c:v libx264 -pix_fmt yuv420p",
        ["wmv2.wmv"] = "-c:v wmv2 -b:v 2M",
        ["msmpeg4.wmv"] = "-c:v msmpeg4 -b:v 2M",
        ["flv1.flv"] = "-c:v flv -b:v 2M",
        ["rv20.rm"] = "-c:v rv20 -b:v 2M",
    };

    public static string Format(string name) =>
        Make(name, $"-i {Quote(SharedFiles.Video(LiveSource))} -an -vf scale=640:428 {Formats[name]}");

    /// <summary>The first second of the live video: too short for the contract.</summary>
    public static string OneSecond() =>
        Make("one_second.mp4", $"-i {Quote(SharedFiles.Video(LiveSource))} -an -t 1 -c:v libx264 -pix_fmt yuv420p");

    /// <summary>Five seconds of a moving test pattern: a valid video with no face in it.</summary>
    public static string NoFace() =>
        Make("no_face.mp4", "-f lavfi -i testsrc2=size=640x480:rate=30 -t 5 -c:v libx264 -pix_fmt yuv420p");

    /// <summary>The live video with its last second cut away from the face: the first 1.5 s, then 3 s of a pattern.</summary>
    public static string BriefFace() =>
        Make("brief_face.mp4",
            $"-i {Quote(SharedFiles.Video(LiveSource))} -f lavfi -i testsrc2=size=640x426:rate=30:duration=3 "
            + "-filter_complex \"[0:v]trim=duration=1.5,scale=640:426,setsar=1,fps=30[a];[1:v]setsar=1[b];[a][b]concat=n=2:v=1[v]\" "
            + "-map [v] -c:v libx264 -pix_fmt yuv420p");

    /// <summary>
    /// The live video at a variable frame rate: frames 0-29 at 30 fps, then a 1 s pause, then 30 fps again.
    /// Index / fps would put frame 30 at 1.0 s; the container says 2.0 s.
    /// </summary>
    public static string VariableFrameRate() =>
        Make("vfr.mp4",
            $"-i {Quote(SharedFiles.Video(LiveSource))} -an -vf \"scale=320:-2,setpts='(N/30+gte(N,30))/TB'\" "
            + "-fps_mode passthrough -video_track_timescale 90000 -c:v libx264 -pix_fmt yuv420p");

    /// <summary>
    /// A synthetic print attack: one still frame of the live video, moved for 4 s with a slow drift and zoom as a
    /// hand holds a photo in front of a camera (the shared data has no print video). Every point of the face moves
    /// as one plane.
    /// </summary>
    public static string StillPhotoMovedByHand() =>
        Make("still_photo.mp4",
            $"-i {Quote(SharedFiles.Video(LiveSource))} -an -vf \"select=eq(n\\,30),loop=loop=-1:size=1,"
            + "scale=640:480:force_original_aspect_ratio=increase,crop=640:480,scale=1280:960,"
            + "zoompan=z='1.08+0.04*sin(on/23)':x='iw/2-(iw/zoom/2)+14*sin(on/19)':y='ih/2-(ih/zoom/2)+9*cos(on/29)':d=1:s=640x480:fps=30\" "
            + "-frames:v 120 -c:v libx264 -pix_fmt yuv420p");

    /// <summary>
    /// A synthetic print sent as a file: one still frame of the live video, one frame every <paramref name="seconds"/>
    /// for 6 s. Too far apart for a track to follow, every frame starts its own: no motion can be seen.
    /// </summary>
    public static string StillPhotoEvery(double seconds) =>
        Make(FormattableString.Invariant($"still_photo_every_{seconds}s.mp4"),
            $"-i {Quote(SharedFiles.Video(LiveSource))} -an -vf \"select=eq(n\\,30),loop=loop=-1:size=1,settb=1/1000,setpts=N*{(int)(seconds * 1000)}\" "
            + "-frames:v 6 -fps_mode passthrough -c:v libx264 -pix_fmt yuv420p");

    public static byte[] Bytes(string path) => File.ReadAllBytes(path);

    /// <summary>A clip made once per run by <c>ffmpeg {arguments} OUTPUT</c>, output named <paramref name="name"/>.</summary>
    public static string Make(string name, string arguments) =>
        Made.GetOrAdd(name, _ => new Lazy<string>(() => Run(name, arguments))).Value;

    private static string Run(string name, string arguments)
    {
        var output = Path.Combine(Folder, name);
        var start = new ProcessStartInfo("ffmpeg", $"-nostdin -hide_banner -loglevel error -y {arguments} {Quote(output)}")
        {
            RedirectStandardError = true,
        };
        using var ffmpeg = Process.Start(start)!;
        var errors = ffmpeg.StandardError.ReadToEnd();
        ffmpeg.WaitForExit();
        Assert.True(ffmpeg.ExitCode == 0, $"ffmpeg could not make {name}: {errors}");
        return output;
    }

    internal static string Quote(string path) => $"\"{path}\"";
}
