namespace Liveness.Tools.Eval;

/// <summary>One labelled row of the manifest.</summary>
/// <param name="File">The path as the manifest writes it, relative to the manifest.</param>
/// <param name="Path">The full path of the file.</param>
/// <param name="AttackType">The manifest's <c>attack_type</c>; for a spoof without one, <c>unspecified</c>.</param>
internal sealed record Sample(string File, string Path, SampleKind Kind, bool BonaFide, string AttackType)
{
    private static readonly HashSet<string> ImageExtensions = new([".jpg", ".jpeg", ".png", ".bmp", ".webp"], StringComparer.OrdinalIgnoreCase);

    /// <summary><c>video</c> or <c>frame</c>, as the outputs name it.</summary>
    public string KindName => Kind == SampleKind.Video ? "video" : "frame";

    /// <summary>By extension: the manifest needs no <c>kind</c> column, and an image is never posted as a video.</summary>
    public static SampleKind KindOf(string file) =>
        ImageExtensions.Contains(System.IO.Path.GetExtension(file)) ? SampleKind.Frame : SampleKind.Video;
}
