namespace Liveness.Tools.Eval;

/// <summary>The samples of one kind (<c>videos</c> or <c>frames</c>), what measuring each came to, and their error rates.</summary>
internal sealed record MeasuredSet(string Name, IReadOnlyList<SampleOutcome> Outcomes, ErrorRates Rates)
{
    public int Failed => Outcomes.Count(outcome => outcome.Failed);

    /// <summary>The set of <paramref name="kind"/>; failures are kept as outcomes but left out of the rates.</summary>
    public static MeasuredSet Of(string name, SampleKind kind, IEnumerable<SampleOutcome> outcomes)
    {
        var ofKind = outcomes.Where(outcome => outcome.Sample.Kind == kind).ToList();
        return new MeasuredSet(name, ofKind, new ErrorRates(ofKind.Where(outcome => !outcome.Failed).Select(outcome => outcome.Presentation())));
    }
}
