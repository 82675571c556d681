using System.Collections.Concurrent;
using System.Net;

namespace Liveness.Host.Tests.Plugins;

/// <summary>Swapping backends under load, with zero failed requests.</summary>
public sealed class HotSwapTests
{
    [Fact]
    public async Task Ten_classifier_swaps_and_two_in_place_dll_overwrites_under_load_fail_no_request()
    {
        using var plugins = new PluginDirectory("onnx");
        plugins.Clone("onnx", "onnx2");
        await using var server = await LivenessServer.StartAsync(plugins.Settings());
        var video = File.ReadAllBytes(SharedFiles.Video("debian_kphotoalbum_movie.avi"));
        var answers = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();

        var clients = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var response = await server.Client.PostVideoAsync(video, returnStatus: true);
                var body = await response.ReadContractJsonAsync();
                answers.Add(response.StatusCode == HttpStatusCode.OK && body.GetProperty("code").GetInt32() == 1000
                    && body.GetProperty("liveness_status").GetString() == "ok" ? "ok" : $"{(int)response.StatusCode} {body}");
            }
        })).ToList();

        for (var swap = 0; swap < 10; swap++)
        {
            var classifier = swap % 2 == 0 ? "onnx2" : "onnx";
            using var switched = await server.ActivateAsync(new { classifier });
            Assert.Equal(HttpStatusCode.OK, switched.StatusCode);
            Assert.Equal(classifier, (await server.BackendsAsync()).Active("classifier"));
            if (swap is 3 or 7)
            {
                // onnx serves the detector throughout; onnx2 serves the classifier right now.
                var plugin = swap == 3 ? "onnx" : "onnx2";
                var loads = (await server.BackendsAsync()).Loads(plugin);
                plugins.OverwriteAssembly(plugin);
                await WaitForAsync(async () => (await server.BackendsAsync()).Loads(plugin) == loads + 1);
            }

            await Task.Delay(300);
        }

        // However fast this machine answers, enough requests must have crossed the swaps to mean something.
        await WaitForAsync(() => Task.FromResult(answers.Count >= 40));
        await stop.CancelAsync();
        await Task.WhenAll(clients);

        Assert.All(answers, answer => Assert.Equal("ok", answer));
    }

    internal static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(100);
        }
    }
}
