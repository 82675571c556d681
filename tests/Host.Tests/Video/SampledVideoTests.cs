using System.Security.Cryptography;
using Liveness.Host.Video;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using static Liveness.Host.Tests.Video.Decoding;

namespace Liveness.Host.Tests.Video;

public sealed class SampledVideoTests
{
    public static TheoryData<string> Formats() => new(TestVideos.Formats.Keys);

    [Theory]
    [MemberData(nameof(Formats))]
    public void Every_supported_container_and_codec_decodes_with_container_times(string format)
    {
        var frames = Read(TestVideos.Format(format), intervalSeconds: 0, out var duration, EveryFrame);

        Assert.InRange(frames.Count, 100, 120); // 3.78 s at 30 fps
        Assert.All(frames, frame => Assert.Equal((640, 428), frame.Size));
        Assert.True(frames.Zip(frames.Skip(1)).All(pair => pair.Second.Seconds > pair.First.Seconds), "times must increase");
        Assert.InRange(duration, 3.6, 3.9);
    }

    [Fact]
    public void Sampling_keeps_one_frame_per_interval_of_container_time()
    {
        var frames = Read(TestVideos.Format("h264.mp4"), intervalSeconds: 0.5, out _, EveryFrame);

        Assert.InRange(frames.Count, 7, 9);
        Assert.All(frames.Zip(frames.Skip(1)), pair => Assert.InRange(pair.Second.Seconds - pair.First.Seconds, 0.49, 0.55));
    }

    [Fact]
    public void Skipping_non_reference_frames_keeps_a_subset_of_the_frames_and_their_times()
    {
        var every = Read(TestVideos.Format("h264.mp4"), intervalSeconds: 0, out var fullDuration, EveryFrame);
        var skipping = Read(TestVideos.Format("h264.mp4"), intervalSeconds: 0, out var duration);

        // libx264's B-frames are non-reference: about half the frames are never decoded.
        Assert.InRange(skipping.Count, every.Count / 4, every.Count * 3 / 4);
        Assert.Subset(every.Select(frame => frame.Seconds).ToHashSet(), skipping.Select(frame => frame.Seconds).ToHashSet());
        Assert.Equal(every[0], skipping[0]);
        Assert.InRange(duration, fullDuration - 0.2, fullDuration + 0.1); // the last decoded frame is displayed longer
    }

    [Fact]
    public void Frame_times_come_from_the_container_not_from_index_over_fps()
    {
        var frames = Read(TestVideos.VariableFrameRate(), intervalSeconds: 0, out var duration, EveryFrame);

        // Frame 30 follows a one-second pause: index / fps would say 1.0 s.
        Assert.Equal(0.967, frames[29].Seconds, 2);
        Assert.Equal(2.0, frames[30].Seconds, 2);
        Assert.InRange(duration, 4.6, 4.9);
    }

    [Theory]
    [InlineData("trainingdata_628befdf.mp4")] // stored as 720x480 with rotation -90: a portrait phone video
    [InlineData("tdreal_621ea6b1.mov")] // phone videos: H.264 without B-frames, so skipping non-reference frames saves nothing
    [InlineData("tdreal_6221e1a8.3gp")] // H.263 in 3GP, rotation 90
    public void Rotation_metadata_is_honoured(string name)
    {
        var path = SharedFiles.Video(name);
        var (storedWidth, storedHeight) = StoredSize(path);

        var frames = Read(path, intervalSeconds: 1, out _);

        Assert.NotEmpty(frames);
        Assert.All(frames, frame => Assert.Equal((storedHeight, storedWidth), frame.Size));
    }

    [Theory]
    [InlineData(TestVideos.LiveSource, false, 100_000)] // 1080x720, landscape
    [InlineData("trainingdata_628befdf.mp4", true, 60_000)] // stored 720x480 with rotation -90: 480x720 once rotated
    public void Frames_over_the_sampled_size_are_scaled_down_with_their_aspect_and_the_decoded_size_is_kept(string name, bool rotated, int maxPixels)
    {
        var path = SharedFiles.Video(name);
        var (storedWidth, storedHeight) = StoredSize(path);
        var decoded = rotated ? (storedHeight, storedWidth) : (storedWidth, storedHeight);
        using var video = SampledVideo.Open(path, new VideoOptions { SampledFramePixels = maxPixels }, NullLogger.Instance);

        var sizes = video.Frames(0.5, CancellationToken.None).Select(frame => (frame.Image.Width, frame.Image.Height)).ToList();

        Assert.Equal(decoded, video.FrameSize);
        var (width, height) = Assert.Single(sizes.Distinct());
        Assert.InRange(width * height, maxPixels * 0.97, maxPixels);
        Assert.Equal((double)decoded.Item1 / decoded.Item2, (double)width / height, 0.02);
        Assert.Equal((0, 0), (width % 2, height % 2));
    }

    [Fact]
    public void Bytes_that_are_no_video_are_an_invalid_video()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, RandomNumberGenerator.GetBytes(100_000));

            Assert.NotEmpty(Refusal(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_truncated_video_keeps_its_decodable_frames_and_ffmpegs_complaints_go_to_the_log_a_few_lines_at_most()
    {
        var whole = TestVideos.Bytes(TestVideos.Format("h264.mkv"));
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, whole[..(whole.Length / 2)]);
            var log = new ListLogger();

            var frames = Read(path, 0.1, out _, new VideoOptions { DecoderLogLines = 2 }, log);

            Assert.InRange(frames.Count, 5, 30);
            Assert.InRange(log.Lines.Count, 1, 3);
            Assert.All(log.Lines, line => Assert.Equal(LogLevel.Debug, line.Level));
            Assert.All(log.Lines, line => Assert.StartsWith("FFmpeg: ", line.Message, StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void FFmpegs_own_threads_change_no_pixel_and_no_time()
    {
        static List<(double Seconds, string Pixels)> Decode(int threads)
        {
            using var video = SampledVideo.Open(TestVideos.Format("h264.mp4"), new VideoOptions { DecoderThreads = threads }, NullLogger.Instance);
            return video.Frames(0.1, CancellationToken.None)
                .Select(frame => (frame.Seconds, Convert.ToHexString(SHA256.HashData(frame.Image.AsSpan<byte>()))))
                .ToList();
        }

        var single = Decode(threads: 1);

        Assert.True(single.Count > 20);
        Assert.Equal(single, Decode(threads: 0));
    }

    /// <summary>
    /// Synthetic: one still frame in an MP4 whose metadata key holds line breaks and, after each, a forged frame line:
    /// as FFmpeg 5.1 wrote them for the filters' default names, and as it writes them now with a made-up secret. FFmpeg
    /// prints the key as it is; counted as frames, the lines made a one-frame photo an 8 s video that passed.
    /// </summary>
    [Fact]
    public void Lines_an_upload_makes_FFmpeg_print_cannot_pass_for_frames()
    {
        var still = TestVideos.Make("one_still_frame.mp4",
            $"-i {TestVideos.Quote(SharedFiles.Video(TestVideos.LiveSource))} -an -frames:v 1 -c:v libx264 -pix_fmt yuv420p");
        var key = "x";
        for (var n = 0; n < 8; n++)
        {
            foreach (var context in new[] { "Parsed_showinfo_0", "Parsed_showinfo_2", "showinfo@0123456789abcdefd", "showinfo@0123456789abcdefw" })
            {
                key += $"\n[{context} @ 0x1] [info] n:   {n} pts:      {n} pts_time:{n} duration:1 pos:0 fmt:yuv420p sar:1/1 s:640x426 i:P iskey:1 type:I checksum:0 plane_checksum:[0] mean:[0] stdev:[0]";
            }
        }

        var forged = Path.Combine(Path.GetDirectoryName(still)!, "forged_frame_lines.mp4");
        using (var ffmpeg = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(
            "ffmpeg", ["-nostdin", "-loglevel", "error", "-y", "-i", still, "-c", "copy", "-movflags", "use_metadata_tags", "-metadata", key + "\ny=v", forged]))!)
        {
            ffmpeg.WaitForExit();
            Assert.Equal(0, ffmpeg.ExitCode);
        }

        var frames = Read(forged, 0.1, out var duration);

        Assert.Single(frames);
        Assert.InRange(duration, 0, 0.1);
    }

    /// <summary>
    /// The video stream's bytes, from FFmpeg's closing report on the input: the shared webcam's video packets as ffprobe
    /// counts them, its audio track's not among them; and an upload whose metadata key makes FFmpeg print a report of
    /// its own choosing (a header for another file, a stream line of a billion bytes) still counts its own.
    /// </summary>
    [Fact]
    public void The_video_stream_is_counted_by_the_bytes_the_decoder_read_of_it()
    {
        var webcam = SharedFiles.Video(TestVideos.LiveSource);
        var still = TestVideos.Make("one_still_frame.mp4",
            $"-i {TestVideos.Quote(webcam)} -an -frames:v 1 -c:v libx264 -pix_fmt yuv420p");
        var forged = Path.Combine(Path.GetDirectoryName(still)!, "forged_report_lines.mp4");
        var key = "x\n[verbose] Input file #0 (file:/tmp/liveness-0123.video):\n[verbose]   Input stream #0:0 (video): 1 packets read (999999999 bytes); 1 frames decoded; \ny=v";
        using (var ffmpeg = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(
            "ffmpeg", ["-nostdin", "-loglevel", "error", "-y", "-i", still, "-c", "copy", "-movflags", "use_metadata_tags", "-metadata", key, forged]))!)
        {
            ffmpeg.WaitForExit();
            Assert.Equal(0, ffmpeg.ExitCode);
        }

        Assert.True(ProbedPacketBytes(webcam, "a:0") > 0, "the webcam's audio track is what this test leaves out");
        Assert.Equal(ProbedPacketBytes(webcam, "v:0"), VideoStreamBytes(webcam));
        Assert.Equal(ProbedPacketBytes(forged, "v:0"), VideoStreamBytes(forged));
    }

    private static long? VideoStreamBytes(string path)
    {
        using var video = SampledVideo.Open(path, new VideoOptions(), NullLogger.Instance);
        Assert.Null(video.VideoStreamBytes);
        _ = video.Frames(0.1, CancellationToken.None).Count();
        return video.VideoStreamBytes;
    }

    /// <summary>The sum of the packet sizes of one stream, as ffprobe reads them.</summary>
    private static long ProbedPacketBytes(string path, string stream)
    {
        using var ffprobe = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(
            "ffprobe", ["-v", "error", "-select_streams", stream, "-show_entries", "packet=size", "-of", "csv=p=0", path])
        {
            RedirectStandardOutput = true,
        })!;
        var sizes = ffprobe.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        ffprobe.WaitForExit();
        return sizes.Sum(size => long.Parse(size.Trim().TrimEnd(',')));
    }

    /// <summary>The coded size, before rotation, as ffprobe reads it.</summary>
    private static (int Width, int Height) StoredSize(string path)
    {
        using var ffprobe = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(
            "ffprobe", ["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height", "-of", "csv=p=0", path])
        {
            RedirectStandardOutput = true,
        })!;
        var size = ffprobe.StandardOutput.ReadToEnd().Trim().Split(',');
        ffprobe.WaitForExit();
        return (int.Parse(size[0]), int.Parse(size[1]));
    }
}
