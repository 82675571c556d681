using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Liveness.Host.Tests.Api;

[Collection(nameof(ServerCollection))]
public sealed class ErrorTests(ServerFixture fixture)
{
    private HttpClient Client => fixture.Server.Client;

    [Fact]
    public async Task A_one_second_video_is_an_invalid_video()
    {
        using var response = await Client.PostVideoAsync(TestVideos.Bytes(TestVideos.OneSecond()));

        await response.AssertErrorAsync(400, 2008, "shorter than 2 s");
    }

    [Fact]
    public async Task Random_bytes_are_an_invalid_video()
    {
        using var response = await Client.PostVideoAsync(RandomNumberGenerator.GetBytes(200_000));

        await response.AssertErrorAsync(400, 2008, "invalid video error");
    }

    [Fact]
    public async Task Five_seconds_without_a_face_is_short_time()
    {
        using var response = await Client.PostVideoAsync(TestVideos.Bytes(TestVideos.NoFace()), returnImage: true, returnStatus: true);
        var body = await response.ReadContractJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(body.GetProperty("passed").GetBoolean());
        Assert.Equal("short_time", body.GetProperty("liveness_status").GetString());
        Assert.False(body.TryGetProperty("base64_image", out _));
    }

    [Fact]
    public async Task A_face_seen_for_only_one_and_a_half_seconds_is_short_time()
    {
        using var response = await Client.PostVideoAsync(TestVideos.Bytes(TestVideos.BriefFace()), returnStatus: true);
        var body = await response.ReadContractJsonAsync();

        Assert.Equal("short_time", body.GetProperty("liveness_status").GetString());
    }

    [Theory]
    [InlineData(null, "encrypted_video is required")]
    [InlineData("", "encrypted_video is required")]
    [InlineData("%%%not-base64%%%", "not valid Base64")]
    public async Task A_missing_empty_or_malformed_video_field_is_an_invalid_argument(string? video, string message)
    {
        var fields = new List<KeyValuePair<string, string>> { new("return_status", "true") };
        if (video is not null)
        {
            fields.Add(new("encrypted_video", video));
        }

        using var response = await Client.PostFormAsync(fields);

        await response.AssertErrorAsync(400, 1200, message);
    }

    [Theory]
    [InlineData("return_status", "maybe")]
    [InlineData("return_image", "yes")]
    [InlineData("return_face_image", "")]
    public async Task A_boolean_that_is_not_true_or_false_is_an_invalid_argument(string field, string value)
    {
        using var response = await Client.PostFormAsync(
            [new("encrypted_video", ContractClient.Encrypt("x"u8.ToArray())), new(field, value)]);

        await response.AssertErrorAsync(400, 1200, $"{field} must be true or false");
    }

    [Fact]
    public async Task A_tampered_ciphertext_is_an_invalid_argument_not_a_500()
    {
        var sealedBytes = Convert.FromBase64String(ContractClient.Encrypt(TestVideos.Bytes(TestVideos.OneSecond())));
        sealedBytes[sealedBytes.Length / 2] ^= 0x40;

        using var response = await Client.PostFormAsync([new("encrypted_video", Convert.ToBase64String(sealedBytes))]);

        await response.AssertErrorAsync(400, 1200, "could not be decrypted");
    }

    [Fact]
    public async Task An_unknown_path_is_a_404_in_the_contract_form()
    {
        using var response = await Client.GetAsync("/liveness/nothing-here");

        await response.AssertErrorAsync(404, 1200, "no endpoint");
    }

    [Fact]
    public async Task A_get_on_the_endpoint_is_a_405_in_the_contract_form()
    {
        using var response = await Client.GetAsync(ContractClient.Route);

        await response.AssertErrorAsync(405, 1200, "use POST");
    }

    [Fact]
    public async Task An_unsupported_body_type_is_an_invalid_argument()
    {
        using var response = await Client.PostAsync(ContractClient.Route, new StringContent("hello", Encoding.UTF8, "text/plain"));

        await response.AssertErrorAsync(400, 1200, "application/x-www-form-urlencoded");
    }

    [Fact]
    public async Task Malformed_json_is_an_invalid_argument()
    {
        using var response = await Client.PostAsync(ContractClient.Route, new StringContent("{\"encrypted_video\":", Encoding.UTF8, "application/json"));

        await response.AssertErrorAsync(400, 1200, "JSON body is malformed");
    }
}
