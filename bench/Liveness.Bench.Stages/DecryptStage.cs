using BenchmarkDotNet.Attributes;
using Liveness.Host.Crypto;
using Liveness.Tools.Cli;
using Microsoft.Extensions.Options;

namespace Liveness.Bench.Stages;

/// <summary>
/// The host's first stage on one MiB of video: the <c>encrypted_video</c> field (Base64 of AES-256-GCM with the tag
/// appended, as a SenseID client sends it) back to video bytes, with the host's own <see cref="VideoDecryptor"/>.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class DecryptStage
{
    private const int VideoBytes = 1 << 20;

    private readonly VideoDecryptor decryptor = new(Options.Create(new CryptoOptions()));
    private string encryptedVideo = "";

    [GlobalSetup]
    public void Setup()
    {
        var video = new byte[VideoBytes];
        new Random(7).NextBytes(video);
        encryptedVideo = ClientEncryption.Seal(video, CryptoOptions.ManualKey, CryptoOptions.ManualIv);
    }

    /// <summary>One MiB of video: the time is the time per MiB.</summary>
    [Benchmark]
    public int DecryptOneMiB() => decryptor.Decrypt(encryptedVideo).Length;
}
