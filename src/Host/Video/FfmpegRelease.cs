using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Liveness.Host.Video;

/// <summary>The major release of an <c>ffmpeg</c> program, asked once per program: some options were renamed across releases.</summary>
internal static partial class FfmpegRelease
{
    private static readonly ConcurrentDictionary<string, int?> Majors = new();

    /// <summary>The major release of <paramref name="program"/>, or null when it has none (a build from git, which is recent) or cannot be run.</summary>
    public static int? Major(string program) => Majors.GetOrAdd(program, Ask);

    /// <summary>The major release in the first line of <c>ffmpeg -version</c> ("ffmpeg version 5.1.9-0+deb12u1 ...", "ffmpeg version n7.1 ...").</summary>
    internal static int? Parse(string versionLine) =>
        VersionLine().Match(versionLine) is { Success: true } match ? int.Parse(match.Groups["major"].Value, CultureInfo.InvariantCulture) : null;

    private static int? Ask(string program)
    {
        var start = new ProcessStartInfo(program, ["-hide_banner", "-version"]) { RedirectStandardOutput = true, UseShellExecute = false };
        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var first = process.StandardOutput.ReadLine() ?? "";
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return Parse(first);
        }
        catch (Win32Exception)
        {
            // Not installed: the decoder's own start says so, where a request can report it.
            return null;
        }
    }

    [GeneratedRegex(@"^ffmpeg version n?(?<major>\d+)\.")]
    private static partial Regex VersionLine();
}
