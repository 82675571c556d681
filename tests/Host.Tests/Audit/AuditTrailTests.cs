using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Liveness.Host.Crypto;

namespace Liveness.Host.Tests.Audit;

/// <summary>One audit event per liveness request, whatever its answer, written by the listener that answered it.</summary>
[Collection(nameof(AuditedCollection))]
public sealed class AuditTrailTests(AuditedServer audited)
{
    private HttpClient Client => audited.Server.Client;

    public static TheoryData<string, string, string> CheckedVideos() => new()
    {
        { TestVideos.LiveSource, "ok", "mp4" },
        { "lestari15_fake.mp4", "hack", "mp4" },
        { "brief_face", "short_time", "mp4" },
        { "debian_kphotoalbum_movie.avi", "ok", "avi" },
    };

    [Theory]
    [MemberData(nameof(CheckedVideos))]
    public async Task A_check_that_ran_has_one_event_with_the_video_s_fingerprint_and_the_decision(string video, string status, string container)
    {
        var bytes = video == "brief_face" ? TestVideos.Bytes(TestVideos.BriefFace()) : File.ReadAllBytes(SharedFiles.Video(video));
        var encrypted = ContractClient.Encrypt(bytes);

        using var response = await Client.PostVideoAsync(bytes, returnStatus: true);
        var answer = await response.ReadContractJsonAsync();

        var audit = audited.EventOf(answer.GetProperty("request_id").GetString()!);
        Assert.Equal("node", audit.GetProperty("answered_by").GetString());
        Assert.Equal("127.0.0.1", audit.GetProperty("client").GetString());
        Assert.Equal(200, audit.GetProperty("http_status").GetInt32());
        Assert.Equal(1000, audit.GetProperty("code").GetInt32());
        Assert.Equal(status, audit.GetProperty("status").GetString());
        Assert.Equal(answer.GetProperty("liveness_score").GetDouble(), audit.GetProperty("score").GetDouble());
        Assert.NotEmpty(audit.GetProperty("reasons").EnumerateArray());
        Assert.Equal(["detector=onnx@1.0.0", "classifier=onnx@1.0.0", "scene_detector=onnx@1.0.0"],
            audit.GetProperty("backends").EnumerateArray().Select(backend => backend.GetString()));
        Assert.True(audit.GetProperty("total_ms").GetDouble() > 0);
        Assert.True(DateTimeOffset.UtcNow - audit.GetProperty("time").GetDateTimeOffset() < TimeSpan.FromMinutes(5));
        var uploaded = audit.GetProperty("video");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), uploaded.GetProperty("sha256").GetString());
        Assert.Equal(bytes.Length, uploaded.GetProperty("bytes").GetInt64());
        Assert.Equal(container, uploaded.GetProperty("container").GetString());
        Assert.True(uploaded.GetProperty("duration_seconds").GetDouble() >= 2);
        Assert.True(uploaded.GetProperty("width").GetInt32() > 0 && uploaded.GetProperty("height").GetInt32() > 0);
        AssertHoldsNoSecret(encrypted);
    }

    [Fact]
    public async Task The_client_is_the_address_the_front_saw()
    {
        using var other = LoopbackAddress.ClientFrom("127.0.0.2", Client.BaseAddress!);

        using var response = await other.PostVideoAsync(TestVideos.Bytes(TestVideos.NoFace()));
        var answer = await response.ReadContractJsonAsync();

        Assert.Equal("127.0.0.2", audited.EventOf(answer.GetProperty("request_id").GetString()!).GetProperty("client").GetString());
    }

    public static TheoryData<string, int, int> RefusedUploads() => new()
    {
        { "not_base64", 400, 1200 },
        { "wrong_key", 400, 1200 },
        { "one_second", 400, 2008 },
        { "not_a_video", 400, 2008 },
    };

    /// <summary>A refused upload is audited by the node, with what was known of the video when it stopped.</summary>
    [Theory]
    [MemberData(nameof(RefusedUploads))]
    public async Task A_refused_upload_has_one_event_with_its_code_and_message(string upload, int httpStatus, int code)
    {
        var encrypted = upload switch
        {
            "not_base64" => "!!! not base64 !!!",
            "wrong_key" => ContractClient.Encrypt(File.ReadAllBytes(SharedFiles.Video(TestVideos.LiveSource)), key: new string('k', 32)),
            "one_second" => ContractClient.Encrypt(TestVideos.Bytes(TestVideos.OneSecond())),
            _ => ContractClient.Encrypt("hello, not a video"u8.ToArray()),
        };

        using var response = await Client.PostFormAsync([new("encrypted_video", encrypted)]);
        var answer = await response.ReadContractJsonAsync();

        Assert.Equal(httpStatus, (int)response.StatusCode);
        var audit = audited.EventOf(answer.GetProperty("request_id").GetString()!);
        Assert.Equal("node", audit.GetProperty("answered_by").GetString());
        Assert.Equal(httpStatus, audit.GetProperty("http_status").GetInt32());
        Assert.Equal(code, audit.GetProperty("code").GetInt32());
        Assert.Equal("error", audit.GetProperty("status").GetString());
        Assert.Equal(answer.GetProperty("message").GetString(), audit.GetProperty("reasons")[0].GetString());
        Assert.Equal(code == 2008, audit.TryGetProperty("video", out var video));
        if (upload == "one_second")
        {
            Assert.Equal("Video:MinSeconds", audit.GetProperty("limit").GetString());
            Assert.InRange(video.GetProperty("duration_seconds").GetDouble(), 0.9, 1.1);
        }

        AssertHoldsNoSecret(encrypted);
    }

    /// <summary>What the front refuses itself never reaches a node: the front writes its event.</summary>
    [Fact]
    public async Task What_the_front_refuses_has_one_event_from_the_front()
    {
        var front = Client.BaseAddress!;
        var noLength = await RawHttp.SendAsync(front, "POST", ContractClient.Route, ["Transfer-Encoding: chunked"], RawHttp.EmptyChunkedBody);
        var tooLarge = await RawHttp.SendHeadAsync(front, "POST", ContractClient.Route, "Content-Length: 20000000");
        using var get = await Client.GetAsync(ContractClient.Route);
        using var burst = LoopbackAddress.ClientFrom("127.0.0.3", front);
        var answers = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => burst.PostFormAsync([new("encrypted_video", "")])));

        var limited = answers.First(answer => answer.StatusCode == HttpStatusCode.TooManyRequests);
        foreach (var (id, status) in new[]
                 {
                     (RequestIdOf(noLength), 411), (RequestIdOf(tooLarge), 413),
                     (get.Headers.GetValues("X-Request-Id").Single(), (int)get.StatusCode), (limited.Headers.GetValues("X-Request-Id").Single(), 429),
                 })
        {
            var audit = audited.EventOf(id);
            Assert.Equal("front", audit.GetProperty("answered_by").GetString());
            Assert.Equal(status, audit.GetProperty("http_status").GetInt32());
            Assert.Equal(1200, audit.GetProperty("code").GetInt32());
            Assert.False(audit.TryGetProperty("video", out _));
        }

        Assert.Equal("127.0.0.3", audited.EventOf(limited.Headers.GetValues("X-Request-Id").Single()).GetProperty("client").GetString());
        // The forwarded ones of the burst: each once, by the node.
        foreach (var answer in answers.Where(answer => answer.StatusCode == HttpStatusCode.BadRequest))
        {
            Assert.Equal("node", audited.EventOf(answer.Headers.GetValues("X-Request-Id").Single()).GetProperty("answered_by").GetString());
        }

        Array.ForEach(answers, answer => answer.Dispose());
    }

    /// <summary>4007: a check over the node's deadline (1 ms) is audited as the error it was answered with.</summary>
    [Fact]
    public async Task A_check_that_could_not_be_carried_out_has_one_event()
    {
        var folder = Directory.CreateTempSubdirectory("liveness-audit-4007-").FullName;
        try
        {
            var file = Path.Combine(folder, "audit.jsonl");
            await using (var server = await LivenessServer.StartAsync(new Dictionary<string, string>
            {
                ["Api:RequestTimeout"] = "00:00:00.001",
                ["Audit:File"] = file,
            }))
            {
                using var response = await server.Client.PostVideoAsync(File.ReadAllBytes(SharedFiles.Video(TestVideos.LiveSource)));
                await response.AssertErrorAsync(504, 4007, "ran over this node's limit");
                var id = response.Headers.GetValues("X-Request-Id").Single();

                var audit = JsonDocument.Parse(Assert.Single(File.ReadAllLines(file), line => line.Contains(id, StringComparison.Ordinal))).RootElement;
                Assert.Equal(4007, audit.GetProperty("code").GetInt32());
                Assert.Equal(504, audit.GetProperty("http_status").GetInt32());
                Assert.Equal("node", audit.GetProperty("answered_by").GetString());
                Assert.Equal(64, audit.GetProperty("video").GetProperty("sha256").GetString()!.Length);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The audit file holds JSON, never the key, the uploaded bytes or an image (JPEG in Base64 starts /9j/).</summary>
    private void AssertHoldsNoSecret(string encrypted)
    {
        var text = File.ReadAllText(audited.AuditFile);
        Assert.DoesNotContain(CryptoOptions.ManualKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(AuditedServer.ImageKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain("/9j/", text, StringComparison.Ordinal);
        Assert.DoesNotContain(encrypted[..Math.Min(16, encrypted.Length)], text, StringComparison.Ordinal);
    }

    private static string RequestIdOf(string rawAnswer) =>
        rawAnswer.Split("\r\n").Single(line => line.StartsWith("X-Request-Id:", StringComparison.OrdinalIgnoreCase))["X-Request-Id:".Length..].Trim();
}
