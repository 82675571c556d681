namespace Liveness.Host.Tests.Api;

/// <summary>Uploads are decoded from private temp files that never outlive their request.</summary>
public sealed class TempFileTests
{
    [Fact]
    public async Task The_temp_folder_is_empty_after_good_bad_and_cancelled_requests()
    {
        await using var server = await LivenessServer.StartAsync();
        var live = File.ReadAllBytes(SharedFiles.Video(TestVideos.LiveSource));
        var videos = new[]
        {
            live,
            TestVideos.Bytes(TestVideos.OneSecond()),
            TestVideos.Bytes(TestVideos.NoFace()),
            System.Security.Cryptography.RandomNumberGenerator.GetBytes(50_000),
        };

        // Each upload is seen in the folder while its request runs: the folder is where they go, not merely empty.
        var seen = new HashSet<string>();
        using (var watching = new CancellationTokenSource())
        {
            var watcher = Task.Run(async () =>
            {
                while (!watching.IsCancellationRequested)
                {
                    seen.UnionWith(Uploads(server));
                    await Task.Delay(1);
                }
            });
            await Task.WhenAll(videos.Select(async video => (await server.Client.PostVideoAsync(video)).Dispose()));
            await watching.CancelAsync();
            await watcher;
        }

        Assert.True(seen.Count >= 2, $"uploads seen in {server.TempVideoDirectory}: {seen.Count}");
        await AssertEmptiesAsync(server);

        // Cancelled once its upload is on disk, while it decodes: the request notices the disconnect at its next frame.
        using (var cancel = new CancellationTokenSource())
        {
            var form = new FormUrlEncodedContent([new("encrypted_video", ContractClient.Encrypt(live))]);
            var posting = server.Client.PostAsync(ContractClient.Route, form, cancel.Token);
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!Uploads(server).Any() && !posting.IsCompleted && DateTime.UtcNow < deadline)
            {
                await Task.Delay(1);
            }

            Assert.NotEmpty(Uploads(server));
            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => posting);
        }

        await AssertEmptiesAsync(server);
    }

    /// <summary>The uploads in the temp folder now (the spare decoders' private folder stays while the host runs; its files are uploads).</summary>
    private static string[] Uploads(LivenessServer server)
    {
        try
        {
            return [.. Directory.EnumerateFiles(server.TempVideoDirectory, "*", SearchOption.AllDirectories)];
        }
        catch (IOException)
        {
            return []; // a file or folder went while it was listed
        }
    }

    private static async Task AssertEmptiesAsync(LivenessServer server)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Uploads(server).Length > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Empty(Uploads(server));
    }

    [Fact]
    public async Task A_temp_file_is_readable_by_its_owner_only()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        try
        {
            using var file = await Liveness.Host.Video.TempVideoFile.WriteAsync(Liveness.Host.Video.TempVideoFile.PathIn(folder), new byte[] { 1, 2, 3 }, CancellationToken.None);

            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file.Path));
            file.Dispose();
            Assert.False(File.Exists(file.Path));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
