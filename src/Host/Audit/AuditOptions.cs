using System.ComponentModel.DataAnnotations;

namespace Liveness.Host.Audit;

/// <summary>
/// The audit trail of every liveness request (section <c>Audit</c>): its own JSON-lines file if wanted, and the
/// optional retention of each request's selected frame and face crop as evidence, off by default (faces are personal data).
/// </summary>
public sealed class AuditOptions : IValidatableObject
{
    public const string Section = "Audit";

    /// <summary>The AES-256 key of the evidence files: 32 bytes as 64 hex digits (<c>openssl rand -hex 32</c>).</summary>
    private const int KeyHexDigits = 64;

    /// <summary>
    /// A file that gets every audit event as one JSON object per line, besides the host's log; empty: the log only.
    /// A relative path is taken from the working directory.
    /// </summary>
    public string File { get; set; } = "";

    /// <summary>The audit file is rotated (to <c>FILE.1</c>, <c>FILE.2</c>...) before it would grow past this.</summary>
    [Range(4096, 1L << 40)]
    public long FileMaxBytes { get; set; } = 64L << 20;

    /// <summary>Rotated audit files kept besides the current one; the oldest is deleted.</summary>
    [Range(1, 1000)]
    public int FilesKept { get; set; } = 10;

    /// <summary>
    /// Keep each request's selected frame and face crop (passed or rejected), encrypted with <see cref="ImageKey"/>, in
    /// <see cref="ImageFolder"/>, for <see cref="RetentionDays"/>. Off by default: they are biometric personal data.
    /// </summary>
    public bool KeepImages { get; set; }

    /// <summary>Where evidence is kept, one file per request named by its request id; created 0700.</summary>
    public string ImageFolder { get; set; } = "";

    /// <summary>The audit key (AES-256-GCM), 64 hex digits; its own key, never the upload key. Required with <see cref="KeepImages"/>.</summary>
    public string ImageKey { get; set; } = "";

    /// <summary>Evidence older than this is deleted (checked hourly, and whenever it is asked for).</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 30;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!KeepImages)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(ImageFolder))
        {
            yield return new ValidationResult($"{Section}:ImageFolder must be set when {Section}:KeepImages is true", [nameof(ImageFolder)]);
        }

        if (ImageKey.Length != KeyHexDigits || !ImageKey.All(Uri.IsHexDigit))
        {
            yield return new ValidationResult(
                $"{Section}:ImageKey must be {KeyHexDigits} hex digits (32 bytes, e.g. openssl rand -hex 32) when {Section}:KeepImages is true",
                [nameof(ImageKey)]);
        }
    }

    internal byte[] ImageKeyBytes() => Convert.FromHexString(ImageKey);
}
