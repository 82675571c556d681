using System.Globalization;

namespace Liveness.Tools.Eval;

/// <summary>
/// The tool: measures the server on a labelled manifest, each sample once and in order, and writes
/// <c>metrics.json</c>, <c>scores.csv</c> and <c>det.png</c>.
/// </summary>
internal static class EvalCommand
{
    public const string MetricsFile = "metrics.json";
    public const string ScoresFile = "scores.csv";
    public const string DetFile = "det.png";

    /// <returns>0 when the outputs are written (failed samples included), 2 for a bad command line or manifest.</returns>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter log, CancellationToken cancellationToken = default)
    {
        EvalArguments arguments;
        IReadOnlyList<Sample> samples;
        try
        {
            arguments = EvalArguments.Parse(args);
            samples = EvalManifest.Read(arguments.Manifest);
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException or IOException)
        {
            await log.WriteLineAsync(e.Message + Environment.NewLine + EvalArguments.Usage);
            return 2;
        }

        await using var node = await PipelineNode.StartAsync(arguments.HostSettings, cancellationToken);
        var videos = new VideoScorer(node.Client, node.Crypto, node.TakeDetails);
        var frames = new FrameScorer(node.Pipeline);
        var outcomes = new List<SampleOutcome>();
        foreach (var sample in samples)
        {
            var outcome = sample.Kind == SampleKind.Video
                ? await videos.ScoreAsync(sample, cancellationToken)
                : frames.Score(sample);
            outcomes.Add(outcome);
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{outcomes.Count,4}/{samples.Count} {outcome.Status,-10} {outcome.Score,8:0.000000} {sample.File}{(outcome.Reason is { } reason ? ": " + reason : "")}"));
        }

        MeasuredSet[] sets = [MeasuredSet.Of("videos", SampleKind.Video, outcomes), MeasuredSet.Of("frames", SampleKind.Frame, outcomes)];
        var threshold = node.Options.PassThreshold;
        Directory.CreateDirectory(arguments.OutDirectory);
        MetricsReport.Write(Path.Combine(arguments.OutDirectory, MetricsFile), arguments.Manifest, threshold, node.Backends.Serving!.Label, sets);
        ScoresCsv.Write(Path.Combine(arguments.OutDirectory, ScoresFile), outcomes);
        DetPlot.Write(Path.Combine(arguments.OutDirectory, DetFile), sets, threshold);

        foreach (var set in sets)
        {
            var rates = set.Rates;
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{set.Name}: {set.Outcomes.Count} ({set.Failed} failed), auc {rates.Auc:0.000}, apcer {rates.Apcer:0.000} (pooled {rates.ApcerPooled:0.000}), bpcer {rates.Bpcer:0.000}, acer {rates.Acer:0.000}"));
        }

        await log.WriteLineAsync($"wrote {MetricsFile}, {ScoresFile} and {DetFile} to {Path.GetFullPath(arguments.OutDirectory)}");
        return 0;
    }
}
