using System.Text;
using System.Text.Json;
using Liveness.Host.Crypto;
using Liveness.Host.Tests;
using Liveness.Tools.Cli;

namespace Liveness.Cli.Tests;

/// <summary><c>liveness encrypt</c>, <c>liveness keygen</c> and <c>--help</c>.</summary>
public sealed class KeyCommandTests
{
    [Fact]
    public async Task Encrypt_reproduces_the_manuals_test_vector()
    {
        var hello = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(hello, "hello");

            var run = await CheckCommandTests.Liveness(["encrypt", hello]);

            Assert.Equal(0, run.ExitCode);
            Assert.Equal("7EWZ/NONkYfOjH/m+K3KKsDO4CZ/", run.Output);
        }
        finally
        {
            File.Delete(hello);
        }
    }

    [Fact]
    public void The_clients_defaults_are_the_servers() =>
        Assert.Equal((CryptoOptions.ManualKey, CryptoOptions.ManualIv), (ClientKeys.ManualKey, ClientKeys.ManualIv));

    [Fact]
    public async Task Keygen_prints_a_fresh_key_and_iv_as_the_two_variables()
    {
        var first = Variables((await CheckCommandTests.Liveness(["keygen"])).Output);
        var second = Variables((await CheckCommandTests.Liveness(["keygen"])).Output);

        Assert.Equal(["PARAM_DECRYPT_KEY", "PARAM_DECRYPT_IV"], first.Keys);
        Assert.Equal(32, Encoding.UTF8.GetByteCount(first["PARAM_DECRYPT_KEY"]));
        Assert.Equal(12, Encoding.UTF8.GetByteCount(first["PARAM_DECRYPT_IV"]));
        Assert.All(first.Values, value => Assert.True(value.All(char.IsAsciiLetterOrDigit)));
        Assert.NotEqual(first["PARAM_DECRYPT_KEY"], second["PARAM_DECRYPT_KEY"]);
        Assert.NotEqual(first["PARAM_DECRYPT_IV"], second["PARAM_DECRYPT_IV"]);
    }

    /// <summary>The generated pair, given to a server as its variables and to the CLI as its own: the check runs; the defaults fail.</summary>
    [Fact]
    public async Task A_server_on_generated_keys_answers_a_client_on_the_same_keys()
    {
        var keys = Variables((await CheckCommandTests.Liveness(["keygen"])).Output);
        await using var server = await LivenessServer.StartAsync(keys);
        var video = SharedFiles.Video(TestVideos.LiveSource);
        var url = server.Client.BaseAddress!.ToString();

        var sameKeys = await CheckCommandTests.Liveness(["check", video, "--url", url], keys.ToDictionary(pair => pair.Key, string? (pair) => pair.Value));
        var manualKeys = await CheckCommandTests.Liveness(["check", video, "--url", url]);

        Assert.Equal(0, sameKeys.ExitCode);
        Assert.True(JsonDocument.Parse(sameKeys.Output).RootElement.GetProperty("passed").GetBoolean());
        Assert.Equal(2, manualKeys.ExitCode);
        Assert.Contains("could not be decrypted", manualKeys.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "check <VIDEO>")]
    [InlineData("check", "--face-image")]
    [InlineData("encrypt", "<VIDEO>")]
    [InlineData("keygen", "PARAM_DECRYPT_IV")]
    public async Task Every_command_has_help(string command, string expected)
    {
        var run = await CheckCommandTests.Liveness([.. command.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Output, StringComparison.Ordinal);
        Assert.Contains(expected, run.Output, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Variables(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1]);
}
