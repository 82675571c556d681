using Liveness.Host.Contract;
using Liveness.Host.Video;
using static Liveness.Host.Tests.Video.Decoding;

namespace Liveness.Host.Tests.Video;

/// <summary>Each limit and each refused container, on generated (synthetic) inputs kept small by setting the limit low.</summary>
public sealed class VideoLimitTests
{
    [Fact]
    public void A_video_longer_than_the_maximum_by_its_decoded_times_is_refused()
    {
        var message = Refusal(TestVideos.Format("h264.mp4"), new VideoOptions { MaxSeconds = 2 });

        Assert.Contains("longer than 2 s (Video:MaxSeconds)", message, StringComparison.Ordinal);
    }

    [Fact]
    public void MPEG_TS_whose_times_restart_is_as_long_as_all_its_frames()
    {
        // Synthetic: three copies of a 3.8 s transport stream back to back, each starting again at its first time.
        var once = TestVideos.Bytes(TestVideos.Format("h264.ts"));
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, [.. once, .. once, .. once]);

            Read(path, 0.1, out var duration);
            var message = Refusal(path, new VideoOptions { MaxSeconds = 8 });

            Assert.InRange(duration, 10.5, 11.7);
            Assert.Contains("(Video:MaxSeconds)", message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_video_with_more_frames_than_the_maximum_is_refused()
    {
        var message = Refusal(TestVideos.Format("h264.mp4"), new VideoOptions { MaxFrames = 20 });

        Assert.Contains("more than 20 frames (Video:MaxFrames)", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_video_decoding_to_more_pixels_than_the_maximum_is_refused()
    {
        var message = Refusal(TestVideos.Format("h264.mp4"), new VideoOptions { MaxDecodedPixels = 640 * 428 * 20 });

        Assert.Contains("decodes to more than 5,478,400 pixels in all (Video:MaxDecodedPixels)", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decode_over_its_CPU_budget_is_stopped_and_refused()
    {
        // Synthetic: 2 s of a 1920x1080 test pattern at 60 fps (no B-frames), looped four times by copying: 480
        // frames, about 3 CPU-seconds to decode here (15 MB), against a budget of 1 s that the kernel enforces.
        var twoSeconds = TestVideos.Make("pattern_1080p60_2s.mp4",
            "-f lavfi -i testsrc2=size=1920x1080:rate=60:duration=2 -c:v libx264 -preset veryfast -tune zerolatency -pix_fmt yuv420p");
        var eightSeconds = TestVideos.Make("pattern_1080p60_8s.mp4", $"-stream_loop 3 -i {TestVideos.Quote(twoSeconds)} -c copy");

        var message = Refusal(eightSeconds, new VideoOptions { DecodeCpuSeconds = 1, SkipNonReferenceFrames = false });

        Assert.Contains("s of CPU to decode (Video:DecodeCpuSeconds)", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_video_over_the_frame_rate_is_refused_as_it_decodes()
    {
        // 30 fps against a limit of 10.
        var message = Refusal(TestVideos.Format("h264.mp4"), new VideoOptions { MaxFrameRate = 10, SkipNonReferenceFrames = false });

        Assert.Contains("more than 10 frames per second (Video:MaxFrameRate)", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_frame_over_the_pixel_limit_stops_the_decode()
    {
        var message = Refusal(TestVideos.Format("h264.mp4"), new VideoOptions { MaxFramePixels = 320 * 240 });

        Assert.Contains("a frame of 640x428 is over the limit of 76800 pixels (Video:MaxFramePixels)", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_MJPEG_AVI_that_declares_a_small_size_and_continues_larger_is_refused()
    {
        var path = SmallThenLargeMjpegAvi();

        // Over the pixel limit: FFmpeg refuses the large frames before it allocates them.
        Assert.Contains("(Video:MaxFramePixels)", Refusal(path, new VideoOptions { MaxFramePixels = 200 * 200 }), StringComparison.Ordinal);

        // Within it: never analysed squashed into the declared size.
        Assert.Contains("the frame size changes within the video (64x64, then 320x320)", Refusal(path), StringComparison.Ordinal);
    }

    [Fact]
    public void A_decode_over_its_wall_time_budget_is_killed()
    {
        using var video = SampledVideo.Open(TestVideos.Format("h264.mp4"), new VideoOptions { DecodeBudgetSeconds = 0.2 }, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

        // A reader slower than the budget: the budget counts the whole decode, the frames' reading included.
        var error = Assert.Throws<Liveness.Host.Contract.LivenessError>(() =>
        {
            foreach (var _ in video.Frames(0.1, CancellationToken.None))
            {
                Thread.Sleep(100);
            }
        });

        Assert.Contains("longer than 0.2 s to decode (Video:DecodeBudgetSeconds)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AV1_is_refused_by_codec()
    {
        var path = TestVideos.Make("av1.mkv", "-f lavfi -i testsrc2=size=128x96:rate=30 -t 2.5 -c:v libaom-av1 -cpu-used 8 -b:v 200k");

        Assert.Contains("codec is not an allowed one (Video:Codecs)", Refusal(path), StringComparison.Ordinal);
    }

    [Fact]
    public void A_concat_list_naming_another_file_is_refused_and_only_the_whitelist_refuses_it()
    {
        // The local file inclusion: a 50-byte text that makes FFmpeg read a video the uploader did not send.
        var path = TextBesideClips("include.ffconcat", "ffconcat version 1.0\nfile 'h264.mp4'\n");

        Assert.Contains("container format is not an allowed one (Video:Containers)", Refusal(path), StringComparison.Ordinal);
        Assert.NotEmpty(Read(path, 0.1, out _, new VideoOptions { Containers = new VideoOptions().Containers + ",concat" }));
    }

    [Fact]
    public void An_HLS_playlist_is_refused()
    {
        TestVideos.Format("h264.ts");
        var path = TextBesideClips("include.m3u8", "#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXTINF:4,\nh264.ts\n#EXT-X-ENDLIST\n");

        Assert.Contains("(Video:Containers)", Refusal(path), StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_is_refused()
    {
        var path = TestVideos.Make("still.jpg", $"-i \"{TestVideos.Format("h264.mp4")}\" -frames:v 1");

        Assert.Contains("(Video:Containers)", Refusal(path), StringComparison.Ordinal);
    }

    /// <summary>Synthetic: an M4A of AAC alone. Its audio decoder is refused too, but what matters is that there is no video.</summary>
    [Fact]
    public void A_file_of_audio_alone_is_refused_as_having_no_video()
    {
        var path = TestVideos.Make("audio_only.m4a", "-f lavfi -i sine=frequency=440:duration=3 -c:a aac");

        Assert.Equal("the file has no video stream", Refusal(path));
    }

    /// <summary>Synthetic: an MP4 whose index comes last (as a phone writes it), cut before it.</summary>
    [Fact]
    public void An_MP4_cut_before_its_index_says_so()
    {
        var whole = TestVideos.Bytes(TestVideos.Format("h264.mp4"));
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, whole[..(whole.Length * 7 / 10)]);

            Assert.StartsWith("the file has no index (moov atom)", Refusal(path), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Raw_H264_without_a_container_is_refused()
    {
        var path = TestVideos.Make("raw.h264", $"-i \"{TestVideos.Format("h264.mp4")}\" -c:v copy -bsf:v h264_mp4toannexb -f h264");

        Assert.Contains("(Video:Containers)", Refusal(path), StringComparison.Ordinal);
    }

    [Fact]
    public void Decoder_messages_are_short_and_escaped()
    {
        var excerpt = DecoderMessages.Excerpt("[mov @ 0x1] [error] name 'a\u001b[31m\\" + new string('x', 500));

        Assert.StartsWith("[mov @ 0x1] [error] name 'a\\u001b[31m\\\\xxx", excerpt, StringComparison.Ordinal);
        Assert.EndsWith("...", excerpt, StringComparison.Ordinal);
        Assert.Equal(DecoderMessages.ExcerptLength + 5 + 1 + 3, excerpt.Length); // the escape sequences, and the ellipsis
    }

    /// <summary>
    /// Synthetic: an MJPEG AVI whose header says 64x64, from 30 frames at 64x64 followed by 30 at 320x320, the stream
    /// copied so the container keeps the first size.
    /// </summary>
    private static string SmallThenLargeMjpegAvi()
    {
        var small = TestVideos.Make("small.mjpeg", "-f lavfi -i testsrc2=size=64x64:rate=30 -t 1 -c:v mjpeg -f mjpeg");
        var large = TestVideos.Make("large.mjpeg", "-f lavfi -i testsrc2=size=320x320:rate=30 -t 1 -c:v mjpeg -f mjpeg");
        var joined = Path.Combine(Path.GetDirectoryName(small)!, "joined.mjpeg");
        File.WriteAllBytes(joined, [.. File.ReadAllBytes(small), .. File.ReadAllBytes(large)]);
        return TestVideos.Make("small_then_large.avi", $"-f mjpeg -framerate 30 -i \"{joined}\" -c:v copy");
    }
}
