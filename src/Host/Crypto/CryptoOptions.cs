using System.ComponentModel.DataAnnotations;

namespace Liveness.Host.Crypto;

/// <summary>Keys for decrypting uploads (section <c>Crypto</c>; <c>PARAM_DECRYPT_KEY</c> and <c>PARAM_DECRYPT_IV</c> override the primary pair).</summary>
public sealed class CryptoOptions : IValidatableObject
{
    public const string Section = "Crypto";

    /// <summary>The key and IV of the SenseID operation manual, for clients built against it.</summary>
    public const string ManualKey = "dcbbad6765e14139a07d34b92292a672";
    public const string ManualIv = "df25d188a061";

    /// <summary>The primary key: 32 characters, used as their UTF-8 bytes.</summary>
    public string Key { get; set; } = ManualKey;

    /// <summary>The primary IV: 12 characters, used as their UTF-8 bytes.</summary>
    public string Iv { get; set; } = ManualIv;

    /// <summary>Further keys accepted during a key rotation, tried after the primary one.</summary>
    public List<KeyPair> PreviousKeys { get; set; } = [];

    /// <summary>Also accept uploads whose first 12 bytes are a per-request random nonce (opt-in, for new clients).</summary>
    public bool AcceptPrependedNonce { get; set; }

    public bool UsesManualDefaults => Key == ManualKey && Iv == ManualIv;

    /// <summary>The manual's names for the primary key and IV (<c>PARAM_DECRYPT_KEY</c>, <c>PARAM_DECRYPT_IV</c>) win over the section.</summary>
    public void ApplyManualNames(IConfiguration configuration)
    {
        Key = configuration["PARAM_DECRYPT_KEY"] ?? Key;
        Iv = configuration["PARAM_DECRYPT_IV"] ?? Iv;
    }

    public IEnumerable<KeyPair> AllKeys() => PreviousKeys.Prepend(new KeyPair { Key = Key, Iv = Iv });

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        AllKeys().SelectMany(pair => pair.Problems()).Select(problem => new ValidationResult(problem));

    /// <summary>One key and its fixed IV.</summary>
    public sealed class KeyPair
    {
        public string Key { get; set; } = "";

        public string Iv { get; set; } = "";

        internal IEnumerable<string> Problems()
        {
            if (System.Text.Encoding.UTF8.GetByteCount(Key) != 32)
            {
                yield return "a decryption key must be 32 bytes of UTF-8 (32 ASCII characters)";
            }

            if (System.Text.Encoding.UTF8.GetByteCount(Iv) != 12)
            {
                yield return "a decryption IV must be 12 bytes of UTF-8 (12 ASCII characters)";
            }
        }
    }
}
