using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using OpenCvSharp;

namespace Liveness.Host.Tests.Api;

[Collection(nameof(ServerCollection))]
public sealed class ContractTests(ServerFixture fixture)
{
    /// <summary>A real live person (manifest: live) that the pipeline passes.</summary>
    private const string LiveVideo = TestVideos.LiveSource;

    /// <summary>A real replay attack (manifest: spoof, the same person on a phone screen) that the pipeline rejects.</summary>
    private const string SpoofVideo = "lestari15_fake.mp4";

    private static readonly string[] AlwaysPresent = ["code", "passed", "liveness_score", "request_id"];

    private HttpClient Client => fixture.Server.Client;

    public static TheoryData<bool, bool, bool> FlagCombinations()
    {
        var data = new TheoryData<bool, bool, bool>();
        foreach (var image in new[] { false, true })
        {
            foreach (var face in new[] { false, true })
            {
                foreach (var status in new[] { false, true })
                {
                    data.Add(image, face, status);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FlagCombinations))]
    public async Task A_passing_live_video_returns_exactly_the_fields_its_flags_ask_for(bool image, bool face, bool status)
    {
        using var response = await Client.PostVideoAsync(File.ReadAllBytes(SharedFiles.Video(LiveVideo)), image, face, status);
        var body = await response.ReadContractJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1000, body.GetProperty("code").GetInt32());
        Assert.True(body.GetProperty("passed").GetBoolean());
        Assert.InRange(body.GetProperty("liveness_score").GetDouble(), 0.5, 1.0);
        var expected = AlwaysPresent
            .Concat(status ? ["liveness_status"] : [])
            .Concat(image ? ["image_timestamp", "base64_image"] : [])
            .Concat(face ? ["base64_face_image"] : []);
        Assert.Equal(expected.Order(), body.EnumerateObject().Select(property => property.Name).Order());
        if (status)
        {
            Assert.Equal("ok", body.GetProperty("liveness_status").GetString());
        }

        if (image)
        {
            Assert.InRange(body.GetProperty("image_timestamp").GetDouble(), 0.0, 3.8);
            using var frame = DecodeJpeg(body.GetProperty("base64_image"));
            Assert.Equal((1080, 720), (frame.Width, frame.Height));
        }

        if (face)
        {
            using var faceImage = DecodeJpeg(body.GetProperty("base64_face_image"));
            Assert.InRange(faceImage.Width, 64, 1080);
            Assert.InRange(faceImage.Height, 64, 720);
        }
    }

    /// <summary>
    /// The live video enlarged to 1620x1080 (1.75 megapixels, derived): its sampled frames are analysed at most at
    /// <c>Video:SampledFramePixels</c> (1280x720 worth), and the returned frame is that one; the details and the audit
    /// still give the size the video decodes to.
    /// </summary>
    [Fact]
    public async Task A_video_over_the_sampled_size_is_judged_and_returned_scaled_down()
    {
        var large = TestVideos.Make("live_1620x1080.mp4", $"-i {TestVideos.Quote(SharedFiles.Video(LiveVideo))} -an -vf scale=1620:1080 -c:v libx264 -pix_fmt yuv420p");

        using var response = await Client.PostFormAsync([
            new("encrypted_video", ContractClient.Encrypt(File.ReadAllBytes(large))), new("return_image", "true"), new("return_details", "true")]);
        var body = await response.ReadContractJsonAsync();

        Assert.True(body.GetProperty("passed").GetBoolean());
        using var frame = DecodeJpeg(body.GetProperty("base64_image"));
        Assert.InRange(frame.Width * frame.Height, 0.97 * 1280 * 720, 1280 * 720);
        Assert.Equal(1.5, (double)frame.Width / frame.Height, 0.01);
        var video = body.GetProperty("details").GetProperty("video");
        Assert.Equal((1620, 1080), (video.GetProperty("width").GetInt32(), video.GetProperty("height").GetInt32()));
    }

    [Theory]
    [MemberData(nameof(FlagCombinations))]
    public async Task A_rejected_spoof_never_returns_images(bool image, bool face, bool status)
    {
        using var response = await Client.PostVideoAsync(File.ReadAllBytes(SharedFiles.Video(SpoofVideo)), image, face, status);
        var body = await response.ReadContractJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(body.GetProperty("passed").GetBoolean());
        Assert.InRange(body.GetProperty("liveness_score").GetDouble(), 0.0, 0.5);
        var expected = AlwaysPresent.Concat(status ? ["liveness_status"] : []);
        Assert.Equal(expected.Order(), body.EnumerateObject().Select(property => property.Name).Order());
        if (status)
        {
            Assert.Equal("hack", body.GetProperty("liveness_status").GetString());
        }
    }

    [Fact]
    public async Task A_form_body_sent_with_plain_curl_d_has_spaces_for_plus_and_still_works()
    {
        var encrypted = ContractClient.Encrypt(File.ReadAllBytes(SharedFiles.Video(LiveVideo)));
        Assert.Contains('+', encrypted);
        // What `curl -d "encrypted_video=$(base64 -w0 ...)"` sends: the Base64 text unescaped, so '+' decodes to ' '.
        using var content = new StringContent($"encrypted_video={encrypted}&return_status=TRUE", Encoding.ASCII);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");

        using var response = await Client.PostAsync(ContractClient.Route, content);
        var body = await response.ReadContractJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", body.GetProperty("liveness_status").GetString());
    }

    [Fact]
    public async Task Multipart_bodies_take_fields_and_file_parts()
    {
        var encrypted = ContractClient.Encrypt(File.ReadAllBytes(SharedFiles.Video(LiveVideo)));
        using var asField = new MultipartFormDataContent
        {
            { new StringContent(encrypted), "encrypted_video" },
            { new StringContent("1"), "return_status" },
        };
        using var asFile = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.ASCII.GetBytes(encrypted)), "encrypted_video", "video.b64" },
            { new StringContent("True"), "return_status" },
        };

        foreach (var content in new[] { asField, asFile })
        {
            using var response = await Client.PostAsync(ContractClient.Route, content);
            var body = await response.ReadContractJsonAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("ok", body.GetProperty("liveness_status").GetString());
        }
    }

    [Theory]
    [InlineData("true")]
    [InlineData("\"true\"")]
    [InlineData("1")]
    public async Task Json_bodies_take_the_same_fields(string returnStatus)
    {
        var encrypted = ContractClient.Encrypt(File.ReadAllBytes(SharedFiles.Video(LiveVideo)));
        using var content = new StringContent(
            $"{{\"encrypted_video\":\"{encrypted}\",\"return_status\":{returnStatus},\"return_image\":false}}",
            Encoding.UTF8, "application/json");

        using var response = await Client.PostAsync(ContractClient.Route, content);
        var body = await response.ReadContractJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", body.GetProperty("liveness_status").GetString());
        Assert.False(body.TryGetProperty("base64_image", out _));
    }

    [Fact]
    public async Task Every_request_gets_its_own_id()
    {
        var ids = new HashSet<string>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await Client.PostFormAsync([new("encrypted_video", "")]);
            var body = await response.ReadContractJsonAsync();
            Assert.True(ids.Add(body.GetProperty("request_id").GetString()!));
        }
    }

    private static Mat DecodeJpeg(JsonElement base64)
    {
        var bytes = Convert.FromBase64String(base64.GetString()!);
        Assert.Equal([0xFF, 0xD8], bytes[..2]);
        var image = Cv2.ImDecode(bytes, ImreadModes.Color);
        Assert.False(image.Empty());
        return image;
    }
}
