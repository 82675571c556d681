using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Liveness.Host.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenCvSharp;

namespace Liveness.Host.Tests.Audit;

/// <summary><c>Audit:KeepImages</c>: each request's selected frame and face crop, sealed under the audit key, for the admin key only, for a while.</summary>
[Collection(nameof(AuditedCollection))]
public sealed class EvidenceTests(AuditedServer audited)
{
    private const string Route = "/admin/evidence/";

    [Fact]
    public async Task A_rejected_replay_s_frame_and_face_are_kept_sealed_and_returned_to_the_admin_key_only()
    {
        using var response = await audited.Server.Client.PostVideoAsync(File.ReadAllBytes(SharedFiles.Video("lestari15_fake.mp4")), returnImage: true, returnStatus: true);
        var answer = await response.ReadContractJsonAsync();
        var id = answer.GetProperty("request_id").GetString()!;
        Assert.Equal("hack", answer.GetProperty("liveness_status").GetString());
        Assert.False(answer.TryGetProperty("base64_image", out _));

        using var withoutKey = await audited.Server.AdminClient.GetAsync(Route + id);
        using var withKey = await GetAsync(id);

        await withoutKey.AssertErrorAsync(403, 1200, "X-Admin-Key");
        Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);
        var evidence = await withKey.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(id, evidence.GetProperty("request_id").GetString());
        Assert.InRange(evidence.GetProperty("image_timestamp").GetDouble(), 0, 30);
        using var frame = Cv2.ImDecode(evidence.GetProperty("base64_image").GetBytesFromBase64(), ImreadModes.Color);
        using var face = Cv2.ImDecode(evidence.GetProperty("base64_face_image").GetBytesFromBase64(), ImreadModes.Color);
        Assert.False(frame.Empty());
        Assert.True(face.Width < frame.Width && face.Height <= frame.Height && face.Width >= 32);
        Assert.True(audited.EventOf(id).GetProperty("evidence_kept").GetBoolean());

        // On disk: nonce, ciphertext and tag under the audit key, the request id as associated data; no JPEG in the clear.
        var sealedBytes = File.ReadAllBytes(Path.Combine(audited.ImageFolder, id + ".evidence"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(audited.ImageFolder, id + ".evidence")));
        Assert.Equal(-1, sealedBytes.AsSpan().IndexOf((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]));
        var plaintext = new byte[sealedBytes.Length - 28];
        using var aes = new AesGcm(Convert.FromHexString(AuditedServer.ImageKey), 16);
        aes.Decrypt(sealedBytes.AsSpan(0, 12), sealedBytes.AsSpan(12, plaintext.Length), sealedBytes.AsSpan(^16), plaintext, Encoding.ASCII.GetBytes(id));
        Assert.Equal(id, JsonDocument.Parse(plaintext).RootElement.GetProperty("request_id").GetString());
    }

    [Fact]
    public async Task Evidence_past_its_retention_is_gone_and_the_purge_deletes_it()
    {
        var ids = new List<string>();
        foreach (var video in new[] { TestVideos.LiveSource, "debian_forensics_webcam.mp4" })
        {
            using var response = await audited.Server.Client.PostVideoAsync(File.ReadAllBytes(SharedFiles.Video(video)));
            ids.Add((await response.ReadContractJsonAsync()).GetProperty("request_id").GetString()!);
        }

        var files = ids.Select(id => Path.Combine(audited.ImageFolder, id + ".evidence")).ToList();
        Assert.All(files, file => Assert.True(File.Exists(file)));
        var retention = audited.Server.Host.Pipeline!.Services.GetRequiredService<IOptions<AuditOptions>>().Value.RetentionDays;
        foreach (var file in files)
        {
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddDays(-retention - 1));
        }

        using var asked = await GetAsync(ids[0]);
        var purged = audited.Server.Host.Pipeline.Services.GetRequiredService<EvidenceStore>().Purge(DateTime.UtcNow);

        await asked.AssertErrorAsync(404, 1200, "past Audit:RetentionDays");
        Assert.True(purged >= 1);
        Assert.All(files, file => Assert.False(File.Exists(file)));
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef", 404, "no evidence is kept")]
    [InlineData("not-a-request-id", 400, "32 lowercase hex digits")]
    public async Task An_unknown_or_malformed_request_id_is_refused(string id, int status, string message)
    {
        using var response = await GetAsync(id);

        await response.AssertErrorAsync(status, 1200, message);
    }

    /// <summary>The default keeps nothing: no images are encoded for evidence, and the admin endpoint says retention is off.</summary>
    [Fact]
    public async Task By_default_nothing_is_kept()
    {
        await using var server = await LivenessServer.StartAsync(new Dictionary<string, string> { ["Admin:Key"] = AuditedServer.AdminKey });
        using var response = await server.Client.PostVideoAsync(File.ReadAllBytes(SharedFiles.Video(TestVideos.LiveSource)));
        var id = (await response.ReadContractJsonAsync()).GetProperty("request_id").GetString()!;
        using var request = new HttpRequestMessage(HttpMethod.Get, Route + id);
        request.Headers.Add("X-Admin-Key", AuditedServer.AdminKey);

        using var evidence = await server.AdminClient.SendAsync(request);

        Assert.False(new AuditOptions().KeepImages);
        Assert.False(server.Host.Pipeline!.Services.GetRequiredService<EvidenceStore>().Keeps);
        await evidence.AssertErrorAsync(404, 1200, "Audit:KeepImages is off");
    }

    [Theory]
    [InlineData("", AuditedServer.ImageKey, "Audit:ImageFolder")]
    [InlineData("/tmp/evidence", "", "Audit:ImageKey")]
    [InlineData("/tmp/evidence", "00ff", "Audit:ImageKey")]
    public async Task Keeping_images_without_a_folder_or_a_key_stops_the_start(string folder, string key, string named)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var server = await LivenessServer.StartAsync(new Dictionary<string, string>
            {
                ["Audit:KeepImages"] = "true",
                ["Audit:ImageFolder"] = folder,
                ["Audit:ImageKey"] = key,
            });
        });

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> GetAsync(string id)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Route + id);
        request.Headers.Add("X-Admin-Key", AuditedServer.AdminKey);
        return audited.Server.AdminClient.SendAsync(request);
    }
}
