namespace Liveness.Tools.Eval;

/// <summary>
/// The command line: <c>--manifest FILE --out DIR</c>, and host settings as <c>--Section:Key=value</c>
/// (<c>--Models:Mirror=DIR</c>, <c>--Pipeline:PassThreshold=0.5</c>), passed to the in-process node unchanged.
/// </summary>
internal sealed record EvalArguments(string Manifest, string OutDirectory, IReadOnlyList<string> HostSettings)
{
    public const string Usage = """
        usage: Liveness.Tools.Eval --manifest FILE --out DIR [--Section:Key=value ...]
          FILE  CSV with columns file,label,attack_type (label live or spoof; paths relative to FILE; other columns ignored);
                images (.jpg .jpeg .png .bmp .webp) take the frame-level path, everything else is posted as a video
          DIR   receives metrics.json, scores.csv and det.png
          --Section:Key=value  a host setting, e.g. --Models:Mirror=../shared/models --Pipeline:PassThreshold=0.5
        """;

    public static EvalArguments Parse(IReadOnlyList<string> args)
    {
        string? manifest = null;
        string? output = null;
        var settings = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--manifest" when i + 1 < args.Count:
                    manifest = args[++i];
                    break;
                case "--out" when i + 1 < args.Count:
                    output = args[++i];
                    break;
                case var setting when setting.StartsWith("--", StringComparison.Ordinal) && setting.IndexOf(':', StringComparison.Ordinal) is > 2 and var colon
                                      && setting.IndexOf('=', StringComparison.Ordinal) > colon:
                    settings.Add(setting);
                    break;
                default:
                    throw new ArgumentException($"unexpected argument '{args[i]}'");
            }
        }

        return new EvalArguments(
            manifest ?? throw new ArgumentException("--manifest FILE is required"),
            output ?? throw new ArgumentException("--out DIR is required"),
            settings);
    }
}
