using System.Security.Cryptography;
using System.Text;

namespace Liveness.Tools.Cli;

/// <summary>
/// What a SenseID client does to a video before it uploads it: AES-256-GCM with the key and IV as UTF-8, the
/// 128-bit tag appended, Base64. The CLI, the tests, the evaluation tool and the benchmarks all encrypt with this one copy.
/// </summary>
internal static class ClientEncryption
{
    public const int TagBytes = 16;

    public static string Seal(ReadOnlySpan<byte> video, string key, string iv)
    {
        var sealedBytes = new byte[video.Length + TagBytes];
        using var aes = new AesGcm(Encoding.UTF8.GetBytes(key), TagBytes);
        aes.Encrypt(Encoding.UTF8.GetBytes(iv), video, sealedBytes.AsSpan(0, video.Length), sealedBytes.AsSpan(video.Length));
        return Convert.ToBase64String(sealedBytes);
    }
}
