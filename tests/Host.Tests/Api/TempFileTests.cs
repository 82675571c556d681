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

        await Task.WhenAll(videos.Select(async video => (await server.Client.PostVideoAsync(video)).Dispose()));
        using (var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(150)))
        {
            var form = new FormUrlEncodedContent([new("encrypted_video", ContractClient.Encrypt(live))]);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(
                () => server.Client.PostAsync(ContractClient.Route, form, cancel.Token));
        }

        // The cancelled request notices the disconnect at its next frame; give it a moment to unwind.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        // The spare decoders' private folder stays while the host runs; no upload may stay in it.
        while (Directory.EnumerateFiles(server.TempVideoDirectory, "*", SearchOption.AllDirectories).Any() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Empty(Directory.EnumerateFiles(server.TempVideoDirectory, "*", SearchOption.AllDirectories));
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
