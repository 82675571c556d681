using System.Net.Sockets;
using System.Text;

namespace Liveness.Host.Tests.Front;

/// <summary>An upload the client abandons is routine: one line in the log, with its request id, and no stack trace.</summary>
public sealed class AbortedUploadLogTests : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("liveness-aborted-").FullName;

    [Fact]
    public async Task An_abandoned_upload_is_logged_as_one_line_with_its_request_id()
    {
        using var host = new HostProcess();
        var front = new Uri($"http://127.0.0.1:{PipelineNodeProcess.FreePort()}");
        var admin = $"http://127.0.0.1:{PipelineNodeProcess.FreePort()}";
        await host.StartAsync(
            [
                $"--Listeners:Front={front.ToString().TrimEnd('/')}", $"--Listeners:Admin={admin}",
                $"--Models:Directory={Path.Combine(work, "models")}", $"--Models:Mirror={SharedFiles.Models}", "--Models:Download=false",
                $"--Video:TempDirectory={work}", "--Logging:LogLevel:Microsoft.AspNetCore=Information",
            ],
            new Uri($"{admin}/readyz"));
        var before = host.Output.Count;

        using (var tcp = new TcpClient())
        {
            await tcp.ConnectAsync(front.Host, front.Port);
            var stream = tcp.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(
                $"POST {ContractClient.Route} HTTP/1.1\r\nHost: {front.Authority}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 4000000\r\n\r\nencrypted_video="));
            await stream.WriteAsync(Encoding.ASCII.GetBytes(new string('A', 200_000)));
            await stream.FlushAsync();
            await Task.Delay(500);
            tcp.Client.LingerState = new LingerOption(true, 0);
        }

        var gone = await LoggedAsync(host, before, "the client went away");
        var logged = host.Output.Skip(before).ToList();
        Assert.Single(gone);
        Assert.Matches("Request [0-9a-f]{32}: the client went away", gone[0]);
        Assert.DoesNotContain(logged, line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        Assert.DoesNotContain(logged, line => line.Contains("Reading is already in progress", StringComparison.Ordinal));
        Assert.DoesNotContain(logged, line => line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("warn:", StringComparison.Ordinal));
    }

    private static async Task<List<string>> LoggedAsync(HostProcess host, int skip, string text)
    {
        for (var wait = 0; wait < 100; wait++)
        {
            await Task.Delay(100);
            var lines = host.Output.Skip(skip).Where(line => line.Contains(text, StringComparison.Ordinal)).ToList();
            if (lines.Count > 0)
            {
                // Anything else the abandoned request logs comes within a moment.
                await Task.Delay(1000);
                return host.Output.Skip(skip).Where(line => line.Contains(text, StringComparison.Ordinal)).ToList();
            }
        }

        throw new TimeoutException($"never logged \"{text}\":\n" + string.Join('\n', host.Output.Skip(skip)));
    }

    public void Dispose() => Directory.Delete(work, recursive: true);
}
