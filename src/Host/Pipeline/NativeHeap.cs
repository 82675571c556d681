using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Liveness.Host.Pipeline;

/// <summary>
/// Gives the native heap's free pages back to the system after requests. OpenCV, FFmpeg and ONNX Runtime allocate
/// and free megabytes of frames on many request threads; glibc keeps what they free in up to 8 arenas per core and
/// seldom returns it. With 8 clients at 1280x720 the host's peak RSS was 1.07 GiB without trimming and 0.80 GiB
/// with it (docs/benchmarks.md).
/// </summary>
internal static partial class NativeHeap
{
    /// <summary>Under load the heap is trimmed at most this often, so the work (and the page faults after it) stays small.</summary>
    private static readonly TimeSpan TrimInterval = TimeSpan.FromSeconds(1);

    private static long lastTrim;

    /// <summary>glibc's <c>malloc_trim(0)</c>, unless it ran less than <see cref="TrimInterval"/> ago; nothing on other C libraries.</summary>
    public static void TrimNow()
    {
        var now = Stopwatch.GetTimestamp();
        var last = Interlocked.Read(ref lastTrim);
        if (!OperatingSystem.IsLinux() || Stopwatch.GetElapsedTime(last, now) < TrimInterval
            || Interlocked.CompareExchange(ref lastTrim, now, last) != last)
        {
            return;
        }

        try
        {
            _ = MallocTrim(0);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // musl and other C libraries: nothing to trim this way.
        }
    }

    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);
}
