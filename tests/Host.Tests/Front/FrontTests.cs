using System.Net;
using System.Text;
using System.Text.Json;

namespace Liveness.Host.Tests.Front;

[Collection(nameof(ServerCollection))]
public sealed class FrontTests(ServerFixture fixture)
{
    [Fact]
    public async Task A_request_through_the_front_gets_the_same_answer_as_the_pipeline_gives()
    {
        var video = File.ReadAllBytes(SharedFiles.Video("debian_kphotoalbum_movie.avi"));

        using var viaFront = await fixture.Server.Client.PostVideoAsync(video, returnImage: true, returnStatus: true);
        using var direct = await fixture.Server.PipelineClient.PostVideoAsync(video, returnImage: true, returnStatus: true);

        Assert.Equal(HttpStatusCode.OK, viaFront.StatusCode);
        Assert.Equal(WithoutRequestId(await direct.ReadContractJsonAsync()), WithoutRequestId(await viaFront.ReadContractJsonAsync()));
    }

    [Fact]
    public async Task Unknown_paths_and_methods_get_the_contract_body_through_the_front()
    {
        using var unknown = await fixture.Server.Client.PostAsync("/liveness/other", new StringContent(""));
        using var get = await fixture.Server.Client.GetAsync(ContractClient.Route);

        await unknown.AssertErrorAsync(404, 1200, "no endpoint");
        await get.AssertErrorAsync(405, 1200, "use POST");
    }

    [Fact]
    public async Task A_body_without_a_length_gets_411()
    {
        var answer = await RawHttp.SendAsync(fixture.Server.Client.BaseAddress!, "POST", ContractClient.Route,
            ["Content-Type: application/x-www-form-urlencoded", "Transfer-Encoding: chunked"], RawHttp.EmptyChunkedBody);

        Assert.StartsWith("HTTP/1.1 411", answer, StringComparison.Ordinal);
        Assert.Contains("\"code\":1200", answer, StringComparison.Ordinal);
        Assert.Contains("Content-Length", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_listener_reports_health_and_readiness()
    {
        using var health = await fixture.Server.AdminClient.GetAsync("/healthz");
        using var ready = await fixture.Server.AdminClient.GetAsync("/readyz");
        using var nodeReady = await fixture.Server.PipelineClient.GetAsync("/readyz");
        using var notPublic = await fixture.Server.Client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("onnx@", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, nodeReady.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notPublic.StatusCode);
    }

    private static string WithoutRequestId(JsonElement body) =>
        JsonSerializer.Serialize(body.EnumerateObject().Where(property => property.Name != "request_id").ToDictionary(p => p.Name, p => p.Value));
}

/// <summary>Fronts with their own limits.</summary>
public sealed class FrontLimitTests
{
    [Fact]
    public async Task A_burst_over_the_rate_limit_gets_429_with_retry_after_while_another_address_is_not_limited()
    {
        await using var server = await LivenessServer.StartAsync(new Dictionary<string, string>
        {
            ["Front:RateLimit:PermitsPerSecond"] = "2",
            ["Front:RateLimit:Burst"] = "2",
        });

        var burst = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => server.Client.PostFormAsync([new("encrypted_video", "")])));
        var limited = burst.Where(response => response.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        using var other = LoopbackAddress.ClientFrom("127.0.0.2", server.Client.BaseAddress!);
        using var fromOtherAddress = await other.PostFormAsync([new("encrypted_video", "")]);

        Assert.InRange(limited.Count, 7, 8);
        foreach (var response in limited)
        {
            Assert.True(int.Parse(response.Headers.GetValues("Retry-After").Single()) >= 1);
            await response.AssertErrorAsync(429, 1200, "too many requests");
        }

        Assert.All(burst.Except(limited), response => Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode));
        await fromOtherAddress.AssertErrorAsync(400, 1200, "encrypted_video is required");
    }

    [Fact]
    public async Task An_oversized_body_gets_413_from_its_headers_before_it_is_sent()
    {
        await using var server = await LivenessServer.StartAsync(new Dictionary<string, string> { ["RequestBody:MaxBytes"] = "1048576" });
        // Announce 100 MB, send none of it: the answer must come from the headers alone.
        var answer = await RawHttp.SendHeadAsync(server.Client.BaseAddress!, "POST", ContractClient.Route,
            "Content-Type: application/x-www-form-urlencoded", "Content-Length: 100000000");

        Assert.StartsWith("HTTP/1.1 413", answer, StringComparison.Ordinal);
        Assert.Contains("Connection: close", answer, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"code\":1200", answer, StringComparison.Ordinal);
    }
}
