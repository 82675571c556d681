using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Liveness.Host.Pipeline;
using Microsoft.Extensions.Options;

namespace Liveness.Host.Audit;

/// <summary>
/// Keeps each request's evidence (<c>Audit:KeepImages</c>) as one file in <c>Audit:ImageFolder</c>, named by its request
/// id and sealed with AES-256-GCM under the audit key (random nonce, the request id as associated data, so a file
/// renamed to another id does not open), and deletes it after <c>Audit:RetentionDays</c>.
/// </summary>
internal sealed partial class EvidenceStore(IOptions<AuditOptions> options, ILogger<EvidenceStore> logger)
{
    private const string Extension = ".evidence";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    private readonly AuditOptions audit = options.Value;

    /// <summary>Whether evidence is kept: the pipeline encodes the selected frame's images only then.</summary>
    public bool Keeps => audit.KeepImages;

    private TimeSpan Retention => TimeSpan.FromDays(audit.RetentionDays);

    /// <summary>Seals and writes one request's images; false (and logged) when the folder cannot take them.</summary>
    public bool Save(string requestId, EvidenceImages images, DateTimeOffset time)
    {
        if (!Keeps)
        {
            return false;
        }

        var plaintext = JsonSerializer.SerializeToUtf8Bytes(
            new StoredEvidence(requestId, time, Math.Round(images.FrameSeconds, 3), images.FrameJpeg, images.FaceJpeg), AuditJsonContext.Default.StoredEvidence);
        var sealedBytes = new byte[NonceBytes + plaintext.Length + TagBytes];
        RandomNumberGenerator.Fill(sealedBytes.AsSpan(0, NonceBytes));
        using (var aes = new AesGcm(audit.ImageKeyBytes(), TagBytes))
        {
            aes.Encrypt(sealedBytes.AsSpan(0, NonceBytes), plaintext, sealedBytes.AsSpan(NonceBytes, plaintext.Length), sealedBytes.AsSpan(^TagBytes),
                Encoding.ASCII.GetBytes(requestId));
        }

        CryptographicOperations.ZeroMemory(plaintext);
        try
        {
            _ = OperatingSystem.IsWindows()
                ? Directory.CreateDirectory(audit.ImageFolder)
                : Directory.CreateDirectory(audit.ImageFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var path = PathOf(requestId);
            var create = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                // Sealed, but still nobody else's to read or delete: 0600 whatever the umask.
                create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var file = new FileStream(path + ".tmp", create))
            {
                file.Write(sealedBytes);
            }
            File.Move(path + ".tmp", path, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogSaveFailed(logger, audit.ImageFolder, e);
            return false;
        }
    }

    /// <summary>The evidence of a request, opened; null when there is none, or it is past its retention (then it is deleted).</summary>
    public StoredEvidence? Find(string requestId)
    {
        var file = new FileInfo(PathOf(requestId));
        if (audit.ImageFolder.Length == 0 || !file.Exists)
        {
            return null;
        }

        if (file.LastWriteTimeUtc < DateTime.UtcNow - Retention)
        {
            file.Delete();
            return null;
        }

        var sealedBytes = File.ReadAllBytes(file.FullName);
        if (sealedBytes.Length < NonceBytes + TagBytes)
        {
            return null;
        }

        var plaintext = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(audit.ImageKeyBytes(), TagBytes);
        try
        {
            aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes, plaintext.Length), sealedBytes.AsSpan(^TagBytes), plaintext,
                Encoding.ASCII.GetBytes(requestId));
        }
        catch (AuthenticationTagMismatchException)
        {
            // Another key (rotated), another request's file, or a modified one: nothing to show.
            LogUnreadable(logger, requestId);
            return null;
        }

        return JsonSerializer.Deserialize(plaintext, AuditJsonContext.Default.StoredEvidence);
    }

    /// <summary>Deletes every evidence file older than the retention; the number deleted.</summary>
    public int Purge(DateTime utcNow)
    {
        if (audit.ImageFolder.Length == 0 || !Directory.Exists(audit.ImageFolder))
        {
            return 0;
        }

        var deleted = 0;
        foreach (var file in new DirectoryInfo(audit.ImageFolder).EnumerateFiles("*" + Extension))
        {
            if (file.LastWriteTimeUtc < utcNow - Retention)
            {
                file.Delete();
                deleted++;
            }
        }

        return deleted;
    }

    private string PathOf(string requestId) => Path.Combine(audit.ImageFolder, requestId + Extension);
}
