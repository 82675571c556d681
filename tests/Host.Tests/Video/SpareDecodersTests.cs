using Liveness.Host.Contract;
using Liveness.Host.Video;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Liveness.Host.Tests.Video;

/// <summary>Decoders started ahead of their uploads decode them exactly as a decoder started for the file does.</summary>
public sealed class SpareDecodersTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("liveness-spares-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task A_spare_started_before_its_file_existed_decodes_the_frames_of_a_decoder_started_for_the_file()
    {
        var path = TestVideos.VariableFrameRate();
        var expected = Frames(SampledVideo.Open(path, new VideoOptions(), NullLogger.Instance));

        using var spares = Spares(count: 1);
        var spare = spares.Take();
        Assert.False(File.Exists(spare.InputPath));
        // The spare has loaded its libraries and waits for its filter graph, reading its stdin: the upload comes only now.
        var waiting = Assert.Single(await WaitingProcessesAsync(expected: 1));
        await WaitUntil(() => SystemCall(waiting.Id).StartsWith("0 0x0 ", StringComparison.Ordinal));
        Assert.False(File.Exists(spare.InputPath));
        using var file = await TempVideoFile.WriteAsync(spare.InputPath, await File.ReadAllBytesAsync(path), CancellationToken.None);

        Assert.Equal(expected, Frames(SampledVideo.Open(spare, new VideoOptions(), NullLogger.Instance)));
    }

    [Fact]
    public void The_upload_paths_lie_in_a_folder_only_the_server_s_user_can_enter_which_goes_with_it()
    {
        var spares = Spares(count: 1);
        var folderOfPaths = Path.GetDirectoryName(spares.Take().InputPath)!;

        Assert.Equal(folder, Path.GetDirectoryName(folderOfPaths));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folderOfPaths));
        spares.Dispose();
        Assert.False(Directory.Exists(folderOfPaths));
    }

    [Fact]
    public async Task A_decode_given_out_is_replaced_by_a_new_spare_when_it_ends()
    {
        using var spares = Spares(count: 1);
        Assert.Equal(1, spares.Waiting);

        var decoder = spares.Take();
        Assert.Equal(0, spares.Waiting);
        using (var file = await TempVideoFile.WriteAsync(decoder.InputPath, TestVideos.Bytes(TestVideos.Format("h264.mp4")), CancellationToken.None))
        {
            Assert.NotEmpty(Frames(SampledVideo.Open(decoder, new VideoOptions(), NullLogger.Instance)));
        }

        await WaitUntil(() => spares.Waiting == 1);
        Assert.Single(await WaitingProcessesAsync(expected: 1));
    }

    [Fact]
    public async Task A_spare_that_died_waiting_is_not_handed_out()
    {
        using var spares = Spares(count: 1);
        var waiting = Assert.Single(await WaitingProcessesAsync(expected: 1));
        waiting.Kill();
        await waiting.WaitForExitAsync();

        var decoder = spares.Take();
        using var file = await TempVideoFile.WriteAsync(decoder.InputPath, TestVideos.Bytes(TestVideos.Format("h264.mp4")), CancellationToken.None);
        Assert.NotEmpty(Frames(SampledVideo.Open(decoder, new VideoOptions(), NullLogger.Instance)));
    }

    [Fact]
    public async Task Disposing_stops_the_waiting_spares_and_an_unused_decoder()
    {
        var spares = Spares(count: 2);
        Assert.Equal(2, (await WaitingProcessesAsync(expected: 2)).Count);
        var unused = SampledVideo.Open(spares.Take(), new VideoOptions(), NullLogger.Instance);

        spares.Dispose();
        unused.Dispose();

        Assert.Empty(await WaitingProcessesAsync(expected: 0));
    }

    [Fact]
    public async Task Without_spares_each_upload_starts_its_own_decoder()
    {
        using var spares = Spares(count: 0);
        Assert.Empty(await WaitingProcessesAsync(expected: 0));

        var decoder = spares.Take();
        using var file = await TempVideoFile.WriteAsync(decoder.InputPath, TestVideos.Bytes(TestVideos.Format("h264.mp4")), CancellationToken.None);
        Assert.NotEmpty(Frames(SampledVideo.Open(decoder, new VideoOptions(), NullLogger.Instance)));
        Assert.Equal(0, spares.Waiting);
    }

    [Fact]
    public void A_decoder_whose_upload_never_came_is_a_2008_not_a_hang()
    {
        using var spares = Spares(count: 1);
        using var video = SampledVideo.Open(spares.Take(), new VideoOptions(), NullLogger.Instance);

        var error = Assert.Throws<LivenessError>(() => video.Frames(0.2, CancellationToken.None).ToList());
        Assert.Equal(ErrorKind.InvalidVideo, error.Kind);
    }

    private SpareDecoders Spares(int count) =>
        new(Options.Create(new VideoOptions { SpareDecoders = count, TempDirectory = folder }), NullLogger<SpareDecoders>.Instance);

    private static List<(double Seconds, double Sum)> Frames(SampledVideo video)
    {
        using (video)
        {
            return video.Frames(0.2, CancellationToken.None).Select(frame => (frame.Seconds, frame.Image.Sum().Val0)).ToList();
        }
    }

    /// <summary>
    /// The processes started for this test's folder, once there are <paramref name="expected"/> of them (10 s at most):
    /// between fork and exec a new spare's command line is still the test host's, and a killed one lingers.
    /// </summary>
    private async Task<List<System.Diagnostics.Process>> WaitingProcessesAsync(int expected)
    {
        List<System.Diagnostics.Process> found = [];
        await WaitUntil(() => (found = ProcessesOfFolder()).Count == expected);
        return found;
    }

    private List<System.Diagnostics.Process> ProcessesOfFolder() =>
        Directory.EnumerateDirectories("/proc")
            .Select(directory => (Directory: directory, Id: int.TryParse(Path.GetFileName(directory), out var id) ? id : 0))
            .Where(process => process.Id > 0 && CommandLine(process.Directory).Contains(folder, StringComparison.Ordinal))
            .Select(process => System.Diagnostics.Process.GetProcessById(process.Id))
            .ToList();

    /// <summary>The system call a process waits in: its number, then its arguments (read is 0, its first argument the descriptor).</summary>
    private static string SystemCall(int process) => File.ReadAllText($"/proc/{process}/syscall");

    private static string CommandLine(string processDirectory)
    {
        try
        {
            return File.ReadAllText(Path.Combine(processDirectory, "cmdline"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // It ended while the folder was listed.
            return "";
        }
    }

    /// <remarks>The last reading decides: reading again could see a process that started or ended in between.</remarks>
    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        bool met;
        while (!(met = condition()) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.True(met, "not within 10 s");
    }
}
