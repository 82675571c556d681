using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;

namespace Liveness.Host.Video;

/// <summary>
/// How an <c>ffmpeg</c> program reads its filter graph from a file, asked once per program: <c>-/filter_complex</c>
/// from FFmpeg 7 on, <c>-filter_complex_script</c> (deprecated by 7.0) before. The program itself is asked, since a
/// build from git names no release.
/// </summary>
internal static class FilterGraphOption
{
    public const string Current = "-/filter_complex";
    public const string Legacy = "-filter_complex_script";

    private static readonly ConcurrentDictionary<string, string> Known = new();

    public static string Of(string program) => Known.GetOrAdd(program, Ask);

    /// <summary>The option, from what the program says to <c>-/filter_complex</c> without its argument.</summary>
    internal static string FromAnswer(string answer) =>
        answer.Contains("Unrecognized option '/filter_complex'", StringComparison.Ordinal) ? Legacy : Current;

    private static string Ask(string program)
    {
        var start = new ProcessStartInfo(program, ["-hide_banner", "-nostdin", Current]) { RedirectStandardError = true, UseShellExecute = false };
        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return Current;
            }

            var answer = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return FromAnswer(answer);
        }
        catch (Win32Exception)
        {
            // Not installed: the decoder's own start says so, where a request can report it.
            return Current;
        }
    }
}
