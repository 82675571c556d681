using System.Buffers;
using System.Buffers.Text;

namespace Liveness.Host.Crypto;

/// <summary>Decodes Base64 as clients really send it: spaces for '+' (from <c>curl -d</c>), the URL-safe alphabet, missing padding, line breaks.</summary>
internal static class LenientBase64
{
    public static bool TryDecode(string text, out byte[] bytes)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(text.Length + 3);
        try
        {
            var length = 0;
            foreach (var c in text)
            {
                var repaired = c switch
                {
                    ' ' or '-' => '+',
                    '_' => '/',
                    '\r' or '\n' or '\t' => '\0',
                    _ => c,
                };
                if (repaired != '\0')
                {
                    buffer[length++] = repaired < 128 ? (byte)repaired : (byte)'!';
                }
            }

            while (length % 4 != 0)
            {
                buffer[length++] = (byte)'=';
            }

            var encoded = buffer.AsSpan(0, length);
            var status = Base64.DecodeFromUtf8InPlace(encoded, out var written);
            bytes = status == OperationStatus.Done ? encoded[..written].ToArray() : [];
            return status == OperationStatus.Done;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
