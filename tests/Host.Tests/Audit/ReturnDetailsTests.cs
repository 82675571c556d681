using System.Net;
using System.Text.Json;

namespace Liveness.Host.Tests.Audit;

/// <summary>The extension <c>return_details</c> on real videos through the real front: present for every status and for 2008s, absent otherwise.</summary>
[Collection(nameof(ServerCollection))]
public sealed class ReturnDetailsTests(ServerFixture fixture)
{
    private const string ReplayVideo = "lestari15_fake.mp4";

    private HttpClient Client => fixture.Server.Client;

    /// <summary>Without the flag (absent or false) the answer is the contract's, to the byte: the details' only trace is their absence.</summary>
    [Theory]
    [InlineData(TestVideos.LiveSource)]
    [InlineData(ReplayVideo)]
    public async Task Without_the_flag_the_answer_is_byte_for_byte_the_contracts(string video)
    {
        var encrypted = ContractClient.Encrypt(File.ReadAllBytes(SharedFiles.Video(video)));

        var absent = await RawAnswerAsync([new("encrypted_video", encrypted), new("return_status", "true")]);
        var off = await RawAnswerAsync([new("encrypted_video", encrypted), new("return_status", "true"), new("return_details", "false")]);
        var on = await RawAnswerAsync([new("encrypted_video", encrypted), new("return_status", "true"), new("return_details", "true")]);

        using var parsed = JsonDocument.Parse(absent.Body);
        var root = parsed.RootElement;
        // What the contract's answer is, written field by field in its order: nothing more, nothing null.
        var contract = $"{{\"code\":1000,\"passed\":{(root.GetProperty("passed").GetBoolean() ? "true" : "false")},"
            + $"\"liveness_score\":{root.GetProperty("liveness_score").GetRawText()},\"liveness_status\":\"{root.GetProperty("liveness_status").GetString()}\","
            + $"\"request_id\":\"{absent.RequestId}\"}}";
        Assert.Equal(contract, absent.Body);
        Assert.Equal(absent.Body, off.Body.Replace(off.RequestId, absent.RequestId, StringComparison.Ordinal));
        Assert.StartsWith(absent.Body[..^1].Replace(absent.RequestId, on.RequestId, StringComparison.Ordinal) + ",\"details\":{", on.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_live_person_s_details_say_what_decided_and_why()
    {
        var (answer, details) = await DetailsAsync(File.ReadAllBytes(SharedFiles.Video(TestVideos.LiveSource)));

        Assert.Equal("ok", answer.GetProperty("liveness_status").GetString());
        // The default serving roles are all the ONNX plugin's: one backend, its three roles, its pinned models.
        var backend = Assert.Single(details.GetProperty("backends").EnumerateArray());
        Assert.Equal("onnx", backend.GetProperty("name").GetString());
        Assert.Equal("1.0.0", backend.GetProperty("version").GetString());
        Assert.Equal(["detector", "classifier", "scene_detector"], backend.GetProperty("roles").EnumerateArray().Select(role => role.GetString()));
        Assert.All(backend.GetProperty("models").EnumerateArray(), model => Assert.Equal(64, model.GetProperty("sha256").GetString()!.Length));
        var video = details.GetProperty("video");
        Assert.Equal("mp4", video.GetProperty("container").GetString());
        Assert.Equal((1080, 720), (video.GetProperty("width").GetInt32(), video.GetProperty("height").GetInt32()));
        Assert.InRange(video.GetProperty("duration_seconds").GetDouble(), 3.5, 4.0);
        var faces = details.GetProperty("faces");
        Assert.True(faces.GetProperty("tracked").GetInt32() >= 1);
        Assert.InRange(faces.GetProperty("visible_seconds").GetDouble(), 2.0, 4.0);
        var main = faces.GetProperty("tracks").EnumerateArray().Single(track => track.GetProperty("main").GetBoolean());
        Assert.True(main.GetProperty("last_seconds").GetDouble() - main.GetProperty("first_seconds").GetDouble() > 3);

        // The classifier's scores over time: one every Pipeline:CoverageSeconds (0.5 s) of the face, in time order.
        var judged = details.GetProperty("classifier").GetProperty("faces").EnumerateArray().ToList();
        var frames = judged.SelectMany(face => face.GetProperty("frames").EnumerateArray()).ToList();
        Assert.InRange(frames.Count, 6, 10);
        var times = judged[0].GetProperty("frames").EnumerateArray().Select(frame => frame.GetProperty("seconds").GetDouble()).ToList();
        Assert.Equal(times.Order(), times);
        Assert.All(frames, frame => Assert.InRange(frame.GetProperty("score").GetDouble(), 0.0, 1.0));
        Assert.Equal(0.25, details.GetProperty("classifier").GetProperty("quantile").GetDouble());

        // Each cue with its measure, threshold, weight and penalty; the defaults read glare, both motions, the device and the stream.
        var cues = details.GetProperty("cues").EnumerateArray().ToDictionary(cue => cue.GetProperty("cue").GetString()!);
        Assert.Equal(["device_in_view", "glare", "micro_motion", "planar_motion", "stream_bitrate"], cues.Keys.Order());
        Assert.Equal(0.15, cues["glare"].GetProperty("threshold").GetDouble());
        Assert.Equal(2, cues["glare"].GetProperty("weight").GetDouble());
        Assert.All(cues.Values, cue => Assert.Equal(
            cue.GetProperty("weight").GetDouble() * cue.GetProperty("evidence").GetDouble(), cue.GetProperty("penalty").GetDouble(), 1e-5));

        // Scores before and after the cues, the threshold, and liveness_score is the one after.
        Assert.Equal(answer.GetProperty("liveness_score").GetDouble(), details.GetProperty("score").GetDouble());
        Assert.True(details.GetProperty("score_before_cues").GetDouble() >= details.GetProperty("score").GetDouble());
        Assert.Equal(0.40, details.GetProperty("threshold").GetDouble());
        Assert.False(details.TryGetProperty("limit", out _));

        var stages = details.GetProperty("stages_ms").EnumerateObject().Select(stage => stage.Name).ToList();
        Assert.Superset(new HashSet<string> { "decrypt", "decode", "detect", "classify" }, stages.ToHashSet());
        Assert.True(details.GetProperty("total_ms").GetDouble() > 0);
        Assert.Contains("the classifier found the face live", details.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_replay_s_details_name_its_rejection()
    {
        var (answer, details) = await DetailsAsync(File.ReadAllBytes(SharedFiles.Video(ReplayVideo)));

        // The classifier alone rejects this replay (0.004 calibrated). MetricsTests counts the rejection, alone on its host.
        Assert.StartsWith("the classifier found the face an attack", details.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("hack", answer.GetProperty("liveness_status").GetString());
        Assert.True(details.GetProperty("score").GetDouble() < details.GetProperty("threshold").GetDouble());
        var reasons = details.GetProperty("reasons").EnumerateArray().Select(reason => reason.GetString()!).ToList();
        Assert.NotEmpty(reasons);
        Assert.Contains(reasons, reason => reason.Contains("an attack", StringComparison.Ordinal) || reason.Contains("device", StringComparison.Ordinal)
            || reason.Contains("motion", StringComparison.Ordinal) || reason.Contains("glare", StringComparison.Ordinal));
        Assert.False(answer.TryGetProperty("base64_image", out _));
    }

    /// <summary>
    /// Synthetic (<see cref="Pipeline.SyntheticCompositions"/>): a replay on a phone held over a live face for the last
    /// 0.8 s. The details show where the face was found again, that frame's score, and the stretch after it that decided.
    /// </summary>
    [Fact]
    public async Task A_replay_over_the_face_for_the_last_second_is_explained_by_its_stretch()
    {
        var (answer, details) = await DetailsAsync(File.ReadAllBytes(Pipeline.SyntheticCompositions.File("phone_over_face_at_end.mp4")));

        Assert.Equal("hack", answer.GetProperty("liveness_status").GetString());
        var face = Assert.Single(details.GetProperty("classifier").GetProperty("faces").EnumerateArray());
        var stretch = face.GetProperty("stretch");
        Assert.InRange(stretch.GetProperty("from_seconds").GetDouble(), 2.9, 3.3);
        Assert.True(stretch.GetProperty("most_live").GetDouble() < 0.01);
        Assert.Contains(face.GetProperty("found_again").EnumerateArray(), found =>
            found.GetProperty("seconds").GetDouble() == stretch.GetProperty("from_seconds").GetDouble()
            && found.TryGetProperty("score", out var score) && score.GetDouble() < 0.01);
        Assert.Contains("a stretch between the times it was found again", details.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// A synthetic print (<see cref="TestVideos.StillPhotoMovedByHand"/>) that the classifier takes for live and the face's motion
    /// rejects: the reasons name the motion, not the classifier (MetricsTests counts it under the motion cues).
    /// </summary>
    [Fact]
    public async Task A_rejection_by_the_cues_alone_names_the_cues()
    {
        var (answer, details) = await DetailsAsync(TestVideos.Bytes(TestVideos.StillPhotoMovedByHand()));

        Assert.Equal("hack", answer.GetProperty("liveness_status").GetString());
        Assert.True(details.GetProperty("score_before_cues").GetDouble() >= details.GetProperty("threshold").GetDouble());
        var reasons = details.GetProperty("reasons").EnumerateArray().Select(reason => reason.GetString()!).ToList();
        Assert.DoesNotContain(reasons, reason => reason.StartsWith("the classifier", StringComparison.Ordinal));
        Assert.Contains(reasons, reason => reason.Contains("motion", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_short_time_answer_has_details_of_the_faces_it_saw()
    {
        var (answer, details) = await DetailsAsync(TestVideos.Bytes(TestVideos.BriefFace()));

        Assert.Equal("short_time", answer.GetProperty("liveness_status").GetString());
        Assert.InRange(details.GetProperty("faces").GetProperty("visible_seconds").GetDouble(), 0.5, 1.99);
        Assert.Contains("under the 2 s needed", details.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        Assert.False(details.TryGetProperty("cues", out _));
        Assert.NotEmpty(details.GetProperty("backends").EnumerateArray());
    }

    public static TheoryData<string, string?> InvalidVideos() => new()
    {
        { "one_second", "Video:MinSeconds" },
        { "sixty_one_seconds", "Video:MaxSeconds" },
        { "not_a_video", null },
    };

    /// <summary>A 2008's details name the limit the video broke, when it broke one; without the flag the error is the contract's.</summary>
    [Theory]
    [MemberData(nameof(InvalidVideos))]
    public async Task A_2008_s_details_name_the_limit_it_hit(string upload, string? limit)
    {
        var video = upload switch
        {
            "one_second" => TestVideos.Bytes(TestVideos.OneSecond()),
            // Synthetic: a small test pattern one second over Video:MaxSeconds (60 s).
            "sixty_one_seconds" => TestVideos.Bytes(TestVideos.Make("sixty_one_seconds.mp4", "-f lavfi -i testsrc2=size=160x120:rate=10 -t 61 -c:v libx264 -pix_fmt yuv420p")),
            _ => "hello, not a video"u8.ToArray(),
        };

        using var withDetails = await Client.PostFormAsync([new("encrypted_video", ContractClient.Encrypt(video)), new("return_details", "1")]);
        using var without = await Client.PostFormAsync([new("encrypted_video", ContractClient.Encrypt(video))]);

        var body = await withDetails.ReadContractJsonAsync();
        Assert.Equal(HttpStatusCode.BadRequest, withDetails.StatusCode);
        Assert.Equal(2008, body.GetProperty("code").GetInt32());
        var details = body.GetProperty("details");
        Assert.Equal(limit, details.TryGetProperty("limit", out var named) ? named.GetString() : null);
        Assert.Equal(body.GetProperty("message").GetString(), details.GetProperty("reasons")[0].GetString());
        Assert.True(details.TryGetProperty("stages_ms", out _));
        var plain = await without.ReadContractJsonAsync();
        Assert.Equal(["code", "message", "request_id"], plain.EnumerateObject().Select(field => field.Name));
    }

    [Fact]
    public async Task Json_bodies_take_the_flag_and_a_bad_value_is_an_invalid_argument()
    {
        var encrypted = ContractClient.Encrypt(File.ReadAllBytes(SharedFiles.Video(TestVideos.LiveSource)));
        using var json = new StringContent($"{{\"encrypted_video\":\"{encrypted}\",\"return_details\":true}}", System.Text.Encoding.UTF8, "application/json");

        using var answer = await Client.PostAsync(ContractClient.Route, json);
        using var bad = await Client.PostFormAsync([new("encrypted_video", encrypted), new("return_details", "yes")]);

        Assert.True((await answer.ReadContractJsonAsync()).TryGetProperty("details", out _));
        await bad.AssertErrorAsync(400, 1200, "return_details must be true or false");
    }

    private async Task<(JsonElement Answer, JsonElement Details)> DetailsAsync(byte[] video)
    {
        using var response = await Client.PostFormAsync(
            [new("encrypted_video", ContractClient.Encrypt(video)), new("return_status", "true"), new("return_details", "true")]);
        var answer = await response.ReadContractJsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (answer, answer.GetProperty("details"));
    }

    private async Task<(string Body, string RequestId)> RawAnswerAsync(IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var response = await Client.PostFormAsync(fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync(), response.Headers.GetValues("X-Request-Id").Single());
    }
}
