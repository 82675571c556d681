using System.Net.Http.Json;
using System.Text.Json;
using Liveness.Host.Crypto;
using Liveness.Tools.Cli;

namespace Liveness.Host.Tests;

/// <summary>What a SenseID client does: encrypt a video as the manual says and post it in one of the accepted body forms.</summary>
internal static class ContractClient
{
    public const string Route = "/liveness/silent_detection/stateless";

    public static string Encrypt(byte[] video, string key = CryptoOptions.ManualKey, string iv = CryptoOptions.ManualIv) =>
        ClientEncryption.Seal(video, key, iv);

    public static Task<HttpResponseMessage> PostFormAsync(this HttpClient client, IEnumerable<KeyValuePair<string, string>> fields) =>
        client.PostAsync(Route, new FormUrlEncodedContent(fields));

    public static Task<HttpResponseMessage> PostVideoAsync(
        this HttpClient client, byte[] video, bool returnImage = false, bool returnFaceImage = false, bool returnStatus = false) =>
        client.PostFormAsync(
        [
            new("encrypted_video", Encrypt(video)),
            new("return_image", returnImage ? "true" : "false"),
            new("return_face_image", returnFaceImage ? "true" : "false"),
            new("return_status", returnStatus ? "true" : "false"),
        ]);

    /// <summary>Reads the JSON body and checks the <c>request_id</c> in it is the one in the header.</summary>
    public static async Task<JsonElement> ReadContractJsonAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("request_id").GetString();
        Assert.False(string.IsNullOrEmpty(id));
        Assert.Equal(id, response.Headers.GetValues("X-Request-Id").Single());
        return body;
    }

    public static async Task AssertErrorAsync(this HttpResponseMessage response, int httpStatus, int code, string messagePart)
    {
        var body = await response.ReadContractJsonAsync();
        Assert.Equal(httpStatus, (int)response.StatusCode);
        Assert.Equal(code, body.GetProperty("code").GetInt32());
        Assert.Contains(messagePart, body.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(body.TryGetProperty("passed", out _));
    }
}
