using System.Diagnostics;

namespace Liveness.Host.Metrics;

/// <summary>Adds up the time one request spends in each stage and reports it once, when the request is done.</summary>
/// <remarks>A request's stages run on two threads at once (<see cref="Pipeline.MotionAndSceneLane"/>): the sums are locked.</remarks>
internal sealed class StageTimer
{
    private readonly Dictionary<string, long> ticks = [];

    public T Time<T>(string stage, Func<T> work)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return work();
        }
        finally
        {
            Add(stage, Stopwatch.GetTimestamp() - started);
        }
    }

    public void Time(string stage, Action work) => Time(stage, () =>
    {
        work();
        return true;
    });

    /// <summary>Time measured elsewhere, e.g. on the decoding thread.</summary>
    public void Add(string stage, TimeSpan elapsed) => Add(stage, (long)(elapsed.TotalSeconds * Stopwatch.Frequency));

    /// <summary>The time so far in each stage, for the answer's details and the audit (milliseconds).</summary>
    public IReadOnlyDictionary<string, double> Milliseconds()
    {
        lock (ticks)
        {
            return ticks.ToDictionary(pair => pair.Key, pair => Math.Round(Stopwatch.GetElapsedTime(0, pair.Value).TotalMilliseconds, 1));
        }
    }

    public void Report()
    {
        lock (ticks)
        {
            foreach (var (stage, elapsed) in ticks)
            {
                LivenessMetrics.StageDuration.WithLabels(stage).Observe(Stopwatch.GetElapsedTime(0, elapsed).TotalSeconds);
            }
        }
    }

    private void Add(string stage, long elapsed)
    {
        lock (ticks)
        {
            ticks[stage] = ticks.GetValueOrDefault(stage) + elapsed;
        }
    }
}
