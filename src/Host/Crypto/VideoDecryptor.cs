using System.Security.Cryptography;
using System.Text;
using Liveness.Host.Contract;
using Microsoft.Extensions.Options;

namespace Liveness.Host.Crypto;

/// <summary>Turns the <c>encrypted_video</c> field into video bytes: lenient Base64, then AES-256-GCM with a 128-bit tag appended.</summary>
internal sealed class VideoDecryptor(IOptions<CryptoOptions> options)
{
    private const int TagBytes = 16;
    private const int NonceBytes = 12;

    private readonly (byte[] Key, byte[] Iv)[] keys = options.Value.AllKeys()
        .Select(pair => (Encoding.UTF8.GetBytes(pair.Key), Encoding.UTF8.GetBytes(pair.Iv)))
        .ToArray();

    private readonly bool acceptPrependedNonce = options.Value.AcceptPrependedNonce;

    public byte[] Decrypt(string encryptedVideo)
    {
        if (!LenientBase64.TryDecode(encryptedVideo, out var sealedBytes))
        {
            throw LivenessError.InvalidArgument("encrypted_video is not valid Base64");
        }

        if (sealedBytes.Length < TagBytes)
        {
            throw LivenessError.InvalidArgument("encrypted_video is too short to hold an AES-GCM tag");
        }

        foreach (var (key, iv) in keys)
        {
            if (TryOpen(key, iv, sealedBytes, out var video)
                || (acceptPrependedNonce && sealedBytes.Length >= NonceBytes + TagBytes
                    && TryOpen(key, sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes), out video)))
            {
                // A tag that verifies over nothing: the argument is well formed, the video in it is not.
                return video.Length > 0 ? video : throw LivenessError.InvalidVideo("the decrypted video is empty");
            }
        }

        throw LivenessError.InvalidArgument("encrypted_video could not be decrypted: wrong key or IV, or modified ciphertext");
    }

    private static bool TryOpen(byte[] key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> sealedBytes, out byte[] plaintext)
    {
        var ciphertext = sealedBytes[..^TagBytes];
        plaintext = new byte[ciphertext.Length];
        using var aes = new AesGcm(key, TagBytes);
        try
        {
            aes.Decrypt(nonce, ciphertext, sealedBytes[^TagBytes..], plaintext);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            CryptographicOperations.ZeroMemory(plaintext);
            plaintext = [];
            return false;
        }
    }
}
