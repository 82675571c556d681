using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Liveness.Bench;

/// <summary>
/// A clip encrypted and form-encoded once, as a SenseID client sends it (AES-256-GCM, tag appended, Base64, field
/// <c>encrypted_video</c>): every request of a run reuses the same bytes, so the client's own work stays out of the timings.
/// </summary>
internal sealed class EncryptedUpload
{
    // The manual's defaults, as the host and tools/EncryptVideo use them when the variables are unset.
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
        var sealedBytes = new byte[video.Length + 16];
        using (var aes = new AesGcm(Encoding.UTF8.GetBytes(key), 16))
        {
            aes.Encrypt(Encoding.UTF8.GetBytes(iv), video, sealedBytes.AsSpan(0, video.Length), sealedBytes.AsSpan(video.Length));
        }

        using var form = new FormUrlEncodedContent(
        [
            new("encrypted_video", Convert.ToBase64String(sealedBytes)),
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
