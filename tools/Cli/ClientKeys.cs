using System.Security.Cryptography;
using System.Text;

namespace Liveness.Tools.Cli;

/// <summary>The key and IV a client encrypts with: from the server's own variables, else the SenseID manual's defaults.</summary>
internal sealed record ClientKeys(string Key, string Iv)
{
    public const string KeyVariable = "PARAM_DECRYPT_KEY";
    public const string IvVariable = "PARAM_DECRYPT_IV";

    /// <summary>The manual's published key and IV, which the server also falls back to.</summary>
    public const string ManualKey = "dcbbad6765e14139a07d34b92292a672";
    public const string ManualIv = "df25d188a061";

    public const int KeyBytes = 32;
    public const int IvBytes = 12;

    // Letters and digits survive every shell, .env file and YAML without quoting; 32 of them carry ~190 bits.
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>The keys from <c>PARAM_DECRYPT_KEY</c> / <c>PARAM_DECRYPT_IV</c>, or why they cannot be used.</summary>
    public static (ClientKeys? Keys, string? Problem) FromEnvironment()
    {
        var keys = new ClientKeys(
            Environment.GetEnvironmentVariable(KeyVariable) ?? ManualKey,
            Environment.GetEnvironmentVariable(IvVariable) ?? ManualIv);
        if (Encoding.UTF8.GetByteCount(keys.Key) != KeyBytes)
        {
            return (null, $"{KeyVariable} must be {KeyBytes} bytes of UTF-8 (32 ASCII characters)");
        }

        return Encoding.UTF8.GetByteCount(keys.Iv) != IvBytes
            ? (null, $"{IvVariable} must be {IvBytes} bytes of UTF-8 (12 ASCII characters)")
            : (keys, null);
    }

    public static ClientKeys Generate() =>
        new(RandomNumberGenerator.GetString(Alphabet, KeyBytes), RandomNumberGenerator.GetString(Alphabet, IvBytes));
}
