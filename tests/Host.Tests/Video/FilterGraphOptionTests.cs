using Liveness.Host.Video;

namespace Liveness.Host.Tests.Video;

/// <summary>The decoder names its filter-graph option as the installed FFmpeg knows it (renamed in 7.0).</summary>
public sealed class FilterGraphOptionTests
{
    [Theory]
    [InlineData("Unrecognized option '/filter_complex'.\nError splitting the argument list: Option not found\n", FilterGraphOption.Legacy)]
    [InlineData("Missing argument for option '/filter_complex'.\nError splitting the argument list: Invalid argument\n", FilterGraphOption.Current)]
    [InlineData("", FilterGraphOption.Current)]
    public void The_option_follows_what_the_program_answers(string answer, string option) =>
        Assert.Equal(option, FilterGraphOption.FromAnswer(answer));

    [Fact]
    public void The_installed_program_is_asked_and_a_missing_one_gets_the_current_name()
    {
        var probe = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("ffmpeg", ["-hide_banner", "-nostdin", "-/filter_complex"]) { RedirectStandardError = true })!;
        var answer = probe.StandardError.ReadToEnd();
        probe.WaitForExit();

        Assert.Equal(FilterGraphOption.FromAnswer(answer), FilterGraphOption.Of("ffmpeg"));
        Assert.Equal(FilterGraphOption.Current, FilterGraphOption.Of("/nonexistent/ffmpeg"));
    }
}
