using System.Text.Json;

namespace Liveness.Host.Tests.Api;

/// <summary>Requests Kestrel refuses before any middleware runs still get the contract's error body.</summary>
[Collection(nameof(ServerCollection))]
public sealed class KestrelRejectionTests(ServerFixture fixture)
{
    private Uri Front => fixture.Server.Client.BaseAddress!;

    [Fact]
    public async Task An_HTTP_1_1_request_without_Host_is_a_1200_with_the_contract_body()
    {
        var answer = await RawHttp.ExchangeAsync(Front, $"POST {ContractClient.Route} HTTP/1.1\r\nContent-Length: 0\r\n\r\n");

        AssertContractRefusal(answer, 400, "Host header");
    }

    [Fact]
    public async Task A_request_target_over_the_length_limit_is_a_1200_with_the_contract_body()
    {
        var answer = await RawHttp.SendHeadAsync(Front, "GET", "/" + new string('a', 20_000));

        AssertContractRefusal(answer, 414, "request target is over the length limit");
    }

    [Fact]
    public async Task Headers_over_the_size_limit_are_a_1200_with_the_contract_body()
    {
        var answer = await RawHttp.SendHeadAsync(Front, "POST", ContractClient.Route, "X-Padding: " + new string('a', 40_000));

        AssertContractRefusal(answer, 431, "headers are over the size limit");
    }

    [Fact]
    public async Task A_malformed_request_line_is_a_1200_with_the_contract_body()
    {
        var answer = await RawHttp.ExchangeAsync(Front, "POST\u0001 / HTTP/1.1\r\nHost: x\r\n\r\n");

        AssertContractRefusal(answer, 400, "malformed");
    }

    private static void AssertContractRefusal(string answer, int status, string detail)
    {
        var split = answer.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(split > 0, answer);
        var head = answer[..split].Split("\r\n");
        var body = answer[(split + 4)..];
        Assert.StartsWith($"HTTP/1.1 {status} ", head[0], StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/json; charset=utf-8", head);
        Assert.Contains($"Content-Length: {body.Length}", head);
        Assert.Contains("Connection: close", head);

        using var json = JsonDocument.Parse(body);
        Assert.Equal(1200, json.RootElement.GetProperty("code").GetInt32());
        Assert.StartsWith("invalid argument: ", json.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains(detail, json.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        var id = json.RootElement.GetProperty("request_id").GetString();
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.Contains($"X-Request-Id: {id}", head);
    }
}
