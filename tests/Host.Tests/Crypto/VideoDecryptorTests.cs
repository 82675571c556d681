using System.Security.Cryptography;
using System.Text;
using Liveness.Host.Contract;
using Liveness.Host.Crypto;
using Microsoft.Extensions.Options;

namespace Liveness.Host.Tests.Crypto;

public sealed class VideoDecryptorTests
{
    private static VideoDecryptor Decryptor(CryptoOptions? options = null) => new(Options.Create(options ?? new CryptoOptions()));

    [Fact]
    public void The_published_test_vector_decrypts_to_hello()
    {
        var plaintext = Decryptor().Decrypt("7EWZ/NONkYfOjH/m+K3KKsDO4CZ/");

        Assert.Equal("hello", Encoding.UTF8.GetString(plaintext));
    }

    [Fact]
    public void The_client_side_encryption_reproduces_the_test_vector() =>
        Assert.Equal("7EWZ/NONkYfOjH/m+K3KKsDO4CZ/", ContractClient.Encrypt(Encoding.UTF8.GetBytes("hello")));

    [Fact]
    public void Random_keys_and_payloads_round_trip()
    {
        for (var i = 0; i < 20; i++)
        {
            var key = RandomNumberGenerator.GetHexString(32);
            var iv = RandomNumberGenerator.GetHexString(12);
            var payload = RandomNumberGenerator.GetBytes(RandomNumberGenerator.GetInt32(1, 100_000));

            var decrypted = Decryptor(new CryptoOptions { Key = key, Iv = iv }).Decrypt(ContractClient.Encrypt(payload, key, iv));

            Assert.Equal(payload, decrypted);
        }
    }

    [Theory]
    [InlineData("7EWZ/NONkYfOjH/m K3KKsDO4CZ/")]   // curl -d turned '+' into a space
    [InlineData("7EWZ_NONkYfOjH_m-K3KKsDO4CZ_")]   // URL-safe alphabet
    [InlineData("7EWZ/NONkYfO\r\njH/m+K3KKsDO4CZ/")] // MIME line break
    public void Base64_as_clients_really_send_it_is_repaired(string encrypted) =>
        Assert.Equal("hello", Encoding.UTF8.GetString(Decryptor().Decrypt(encrypted)));

    [Fact]
    public void Missing_padding_is_accepted()
    {
        var padded = ContractClient.Encrypt("hello!"u8.ToArray());
        Assert.EndsWith("=", padded, StringComparison.Ordinal);

        Assert.Equal("hello!", Encoding.UTF8.GetString(Decryptor().Decrypt(padded.TrimEnd('='))));
    }

    [Fact]
    public void Every_tampered_byte_fails_the_tag_check_as_invalid_argument()
    {
        var sealedBytes = Convert.FromBase64String(ContractClient.Encrypt(RandomNumberGenerator.GetBytes(64)));
        for (var i = 0; i < sealedBytes.Length; i++)
        {
            var tampered = (byte[])sealedBytes.Clone();
            tampered[i] ^= 0x01;

            var error = Assert.Throws<LivenessError>(() => Decryptor().Decrypt(Convert.ToBase64String(tampered)));

            Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        }
    }

    [Fact]
    public void A_wrong_key_fails_without_echoing_it()
    {
        var otherKey = RandomNumberGenerator.GetHexString(32);
        var encrypted = ContractClient.Encrypt(Encoding.UTF8.GetBytes("hello"), otherKey);

        var error = Assert.Throws<LivenessError>(() => Decryptor().Decrypt(encrypted));

        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.DoesNotContain(otherKey, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(CryptoOptions.ManualKey, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not*base64!")]
    [InlineData("QUJD")] // valid Base64, but shorter than a tag
    public void Malformed_input_is_an_invalid_argument(string encrypted) =>
        Assert.Equal(ErrorKind.InvalidArgument, Assert.Throws<LivenessError>(() => Decryptor().Decrypt(encrypted)).Kind);

    [Fact]
    public void Previous_keys_are_accepted_during_a_rotation()
    {
        var newKey = RandomNumberGenerator.GetHexString(32);
        var options = new CryptoOptions
        {
            Key = newKey,
            Iv = "abcdefghijkl",
            PreviousKeys = [new CryptoOptions.KeyPair { Key = CryptoOptions.ManualKey, Iv = CryptoOptions.ManualIv }],
        };

        Assert.Equal("old", Encoding.UTF8.GetString(Decryptor(options).Decrypt(ContractClient.Encrypt("old"u8.ToArray()))));
        Assert.Equal("new", Encoding.UTF8.GetString(
            Decryptor(options).Decrypt(ContractClient.Encrypt("new"u8.ToArray(), newKey, "abcdefghijkl"))));
    }

    [Fact]
    public void A_per_request_nonce_is_accepted_only_when_opted_in()
    {
        var nonce = RandomNumberGenerator.GetBytes(12);
        using var aes = new AesGcm(Encoding.UTF8.GetBytes(CryptoOptions.ManualKey), 16);
        var payload = "fresh nonce"u8.ToArray();
        var sealedBytes = new byte[12 + payload.Length + 16];
        nonce.CopyTo(sealedBytes, 0);
        aes.Encrypt(nonce, payload, sealedBytes.AsSpan(12, payload.Length), sealedBytes.AsSpan(12 + payload.Length));
        var encrypted = Convert.ToBase64String(sealedBytes);

        Assert.Throws<LivenessError>(() => Decryptor().Decrypt(encrypted));
        Assert.Equal(payload, Decryptor(new CryptoOptions { AcceptPrependedNonce = true }).Decrypt(encrypted));
    }

    [Fact]
    public void Keys_of_the_wrong_length_fail_validation()
    {
        var options = new CryptoOptions { Key = "short", Iv = "also-not-twelve" };

        var problems = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();

        Assert.Equal(2, problems.Count);
    }
}
