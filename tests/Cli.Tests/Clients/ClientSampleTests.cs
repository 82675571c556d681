using System.Text.Json;
using Liveness.Host.Tests;

namespace Liveness.Cli.Tests.Clients;

/// <summary>
/// The samples in clients/, each run by its own runtime as a user runs it: it must encrypt the manual's test vector,
/// and post a real live video to the real host and get it passed.
/// </summary>
[Collection(nameof(KitServer))]
public sealed class ClientSampleTests(ServerFixture fixture)
{
    private const string TestVector = "7EWZ/NONkYfOjH/m+K3KKsDO4CZ/";

    private static readonly string Clients = Path.Combine(SharedFiles.RepositoryRoot(), "clients");

    [FactWhenInstalled("javac", "default-jdk-headless", "-version")]
    public Task Java() => AssertClientAsync("java", [Path.Combine(Clients, "java", "LivenessClient.java")]);

    [FactWhenInstalled("python3", "python3-cryptography", "-c", "import cryptography")]
    public Task Python() => AssertClientAsync("python3", [Path.Combine(Clients, "python", "liveness_client.py")]);

    [FactWhenInstalled("node", "nodejs")]
    public Task JavaScript_on_Node() => AssertClientAsync("node", [Path.Combine(Clients, "js", "node.mjs")]);

    /// <summary>The same module in real Chromium (file:// page, so no post: a page of another origin cannot read the answer).</summary>
    [FactWhenInstalled("chromium", "chromium")]
    public async Task JavaScript_in_a_browser_encrypts_the_test_vector()
    {
        var profile = Directory.CreateTempSubdirectory("liveness-chromium-").FullName;
        try
        {
            var page = new Uri(Path.Combine(Clients, "js", "browser.html")).AbsoluteUri;
            var run = await CommandRun.RunAsync("chromium",
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--allow-file-access-from-files", $"--user-data-dir={profile}", "--virtual-time-budget=10000", "--dump-dom", page,
            ]);

            Assert.Contains($"<code id=\"vector\">{TestVector}</code>", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }

    [Fact]
    public Task CSharp() => AssertClientAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "liveness-client.dll")]);

    private async Task AssertClientAsync(string program, string[] client)
    {
        var vector = await CommandRun.RunAsync(program, [.. client, "--test-vector"]);
        Assert.True(vector.ExitCode == 0, vector.Error);
        Assert.Equal(TestVector, vector.Output.Trim());

        var check = await CommandRun.RunAsync(program, [.. client, fixture.Server.Client.BaseAddress!.ToString(), SharedFiles.Video(TestVideos.LiveSource)]);
        Assert.True(check.ExitCode == 0, check.Error + check.Output);
        var answer = JsonDocument.Parse(check.Output).RootElement;
        Assert.Equal(1000, answer.GetProperty("code").GetInt32());
        Assert.True(answer.GetProperty("passed").GetBoolean());
        Assert.Equal("ok", answer.GetProperty("liveness_status").GetString());
    }
}
