using System.Globalization;
using Liveness.Host.Pipeline;

namespace Liveness.Tools.Eval;

/// <summary>Writes <c>scores.csv</c>: one row per sample of the manifest, in its order, failures included.</summary>
internal static class ScoresCsv
{
    private static readonly string[] Header = ["file", "kind", "label", "attack_type", "score", "decision", "status", "milliseconds", "reason", "cues", "faces_tracked", "classifier", "frame_scores"];

    public static void Write(string path, IEnumerable<SampleOutcome> outcomes)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine(string.Join(',', Header));
        foreach (var outcome in outcomes)
        {
            var sample = outcome.Sample;
            writer.WriteLine(string.Join(',', new[]
            {
                sample.File,
                sample.KindName,
                sample.BonaFide ? "live" : "spoof",
                sample.AttackType,
                outcome.Score?.ToString("0.000000", CultureInfo.InvariantCulture) ?? "",
                outcome.Accepted switch { true => "accept", false => "reject", null => "" },
                outcome.Status,
                outcome.Milliseconds.ToString("0.0", CultureInfo.InvariantCulture),
                outcome.Reason ?? "",
                string.Join(' ', outcome.Cues.Select(cue => string.Create(CultureInfo.InvariantCulture, $"{cue.Cue}={cue.Measure:0.####}/{cue.Penalty:0.###}"))),
                outcome.Details?.FacesTracked.ToString(CultureInfo.InvariantCulture) ?? "",
                outcome.Details?.Classifier.ToString("0.000000", CultureInfo.InvariantCulture) ?? "",
                FrameScores(outcome.Details),
            }.Select(Quote)));
        }
    }

    /// <summary>Each judged face's classifier scores over time, a <c>|</c> where the face was found again: <c>face 1: 0.0=0.9975 0.5=0.9981 | 2.6=0.0001 ...; face 2: ...</c>.</summary>
    private static string FrameScores(DecisionDetails? details) => details is null ? "" : string.Join("; ", details.Faces.Select(face =>
        string.Create(CultureInfo.InvariantCulture, $"face {face.Track}: {face.Timeline()}")));

    /// <summary>RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.</summary>
    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
}
