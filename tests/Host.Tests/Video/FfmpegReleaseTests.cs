using Liveness.Host.Video;

namespace Liveness.Host.Tests.Video;

/// <summary>The decoder's command line follows the installed FFmpeg's release (its filter-graph option was renamed in 7.0).</summary>
public sealed class FfmpegReleaseTests
{
    [Theory]
    [InlineData("ffmpeg version 5.1.9-0+deb12u1 Copyright (c) 2000-2026 the FFmpeg developers", 5)]
    [InlineData("ffmpeg version 6.1.1-3ubuntu5 Copyright (c) 2000-2023 the FFmpeg developers", 6)]
    [InlineData("ffmpeg version n7.1 Copyright (c) 2000-2024 the FFmpeg developers", 7)]
    [InlineData("ffmpeg version 7.1.1-1+b1 Copyright (c) 2000-2025 the FFmpeg developers", 7)]
    [InlineData("ffmpeg version N-118315-g6a3c47b Copyright (c) 2000-2025 the FFmpeg developers", null)]
    [InlineData("", null)]
    public void The_major_release_is_read_from_the_version_line(string line, int? major) =>
        Assert.Equal(major, FfmpegRelease.Parse(line));

    [Fact]
    public void The_installed_program_is_asked_and_a_missing_one_has_no_release()
    {
        var expected = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("ffmpeg", "-version") { RedirectStandardOutput = true })!;
        var line = expected.StandardOutput.ReadLine()!;
        expected.WaitForExit();

        Assert.NotNull(FfmpegRelease.Major("ffmpeg"));
        Assert.Equal(FfmpegRelease.Parse(line), FfmpegRelease.Major("ffmpeg"));
        Assert.Null(FfmpegRelease.Major("/nonexistent/ffmpeg"));
    }
}
