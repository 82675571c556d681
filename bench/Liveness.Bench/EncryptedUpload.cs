using System.Net.Http.Headers;
using Liveness.Tools.Cli;

namespace Liveness.Bench;

/// <summary>
/// A clip encrypted and form-encoded once, as a SenseID client sends it (field <c>encrypted_video</c>): every request
/// of a run reuses the same bytes, so the client's own work stays out of the timings.
/// </summary>
internal sealed class EncryptedUpload
{
    // The manual's defaults, as the host and tools/Cli use them when the variables are unset.
    private const string ManualKey = "dcbbad6765e14139a07d34b92292a672";
    private const string ManualIv = "df25d188a061";

    private readonly byte[] body;

    private EncryptedUpload(byte[] body) => this.body = body;

    public int BodyBytes => body.Length;

    public static async Task<EncryptedUpload> FromFileAsync(string videoPath)
    {
        var video = await File.ReadAllBytesAsync(videoPath);
        var key = Environment.GetEnvironmentVariable("PARAM_DECRYPT_KEY") ?? ManualKey;
        var iv = Environment.GetEnvironmentVariable("PARAM_DECRYPT_IV") ?? ManualIv;
        using var form = new FormUrlEncodedContent(
        [
            new("encrypted_video", ClientEncryption.Seal(video, key, iv)),
            new("return_status", "true"),
        ]);
        return new EncryptedUpload(await form.ReadAsByteArrayAsync());
    }

    public HttpContent Content()
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return content;
    }
}
