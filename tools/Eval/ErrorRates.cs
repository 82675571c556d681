namespace Liveness.Tools.Eval;

/// <summary>
/// The ISO/IEC 30107-3 error rates of one set of presentations, at the decisions the system made and over every
/// threshold its scores allow. Live is the positive class; a threshold accepts the scores at or above it, as the
/// pipeline does. A rate that needs a class the set lacks is null.
/// </summary>
internal sealed class ErrorRates
{
    private readonly List<Presentation> presentations;
    private readonly Dictionary<string, int> attacksByType;

    public ErrorRates(IEnumerable<Presentation> presentations)
    {
        this.presentations = presentations.ToList();
        BonaFideCount = this.presentations.Count(presentation => presentation.BonaFide);
        attacksByType = this.presentations
            .Where(presentation => !presentation.BonaFide)
            .CountBy(presentation => presentation.AttackType, StringComparer.Ordinal)
            .ToDictionary(StringComparer.Ordinal);
        Decided = PointOf(
            this.presentations.Count(presentation => presentation.BonaFide && !presentation.Accepted),
            this.presentations
                .Where(presentation => !presentation.BonaFide && presentation.Accepted)
                .CountBy(presentation => presentation.AttackType, StringComparer.Ordinal)
                .ToDictionary(StringComparer.Ordinal));
        Sweep = SweepThresholds();
    }

    public int BonaFideCount { get; }

    /// <summary>Attack presentations per attack type.</summary>
    public IReadOnlyDictionary<string, int> AttacksByType => attacksByType;

    /// <summary>The operating point of the decisions the system made.</summary>
    public OperatingPoint Decided { get; }

    /// <summary>Every operating point the scores allow, from accepting all presentations to accepting none.</summary>
    public IReadOnlyList<OperatingPoint> Sweep { get; }

    private bool HasBothClasses => BonaFideCount > 0 && attacksByType.Count > 0;

    /// <summary>Bona fide presentations rejected, at the decisions made.</summary>
    public double? Bpcer => BonaFideCount > 0 ? Decided.Bpcer : null;

    /// <summary>Attack presentations of each type accepted as bona fide, at the decisions made.</summary>
    public IReadOnlyDictionary<string, double> ApcerByAttack => Decided.ApcerByAttack;

    /// <summary>The standard's APCER of the system: that of its worst attack type, at the decisions made.</summary>
    public double? Apcer => attacksByType.Count > 0 ? Decided.Apcer : null;

    /// <summary>All attack presentations accepted, whatever their type, at the decisions made.</summary>
    public double? ApcerPooled => attacksByType.Count > 0 ? Decided.ApcerPooled : null;

    /// <summary>(worst-case APCER + BPCER) / 2, at the decisions made.</summary>
    public double? Acer => HasBothClasses ? (Decided.Apcer + Decided.Bpcer) / 2 : null;

    /// <summary>The probability that a bona fide presentation scores above an attack one; a tie counts half.</summary>
    public double? Auc
    {
        get
        {
            if (!HasBothClasses)
            {
                return null;
            }

            var live = presentations.Where(p => p.BonaFide).Select(p => p.Score).ToList();
            var attacks = presentations.Where(p => !p.BonaFide).Select(p => p.Score).ToList();
            var wins = live.Sum(l => attacks.Sum(a => l > a ? 1.0 : l == a ? 0.5 : 0.0));
            return wins / ((double)live.Count * attacks.Count);
        }
    }

    /// <summary>The lowest BPCER of any threshold whose worst-case APCER is at most <paramref name="maxApcer"/>.</summary>
    public double? BpcerAtApcer(double maxApcer) => LowestBpcer(point => point.Apcer, maxApcer);

    /// <summary>The lowest BPCER of any threshold whose pooled APCER is at most <paramref name="maxApcer"/>.</summary>
    public double? BpcerAtPooledApcer(double maxApcer) => LowestBpcer(point => point.ApcerPooled, maxApcer);

    /// <summary>The lowest worst-case APCER of any threshold whose BPCER is at most <paramref name="maxBpcer"/>.</summary>
    public double? ApcerAtBpcer(double maxBpcer) => LowestApcer(point => point.Apcer, maxBpcer);

    /// <summary>The lowest pooled APCER of any threshold whose BPCER is at most <paramref name="maxBpcer"/>.</summary>
    public double? PooledApcerAtBpcer(double maxBpcer) => LowestApcer(point => point.ApcerPooled, maxBpcer);

    // Accepting nothing has an APCER of 0 and accepting everything a BPCER of 0: neither minimum is over an empty set.
    private double? LowestBpcer(Func<OperatingPoint, double> apcer, double maxApcer) =>
        HasBothClasses ? Sweep.Where(point => apcer(point) <= maxApcer).Min(point => point.Bpcer) : null;

    private double? LowestApcer(Func<OperatingPoint, double> apcer, double maxBpcer) =>
        HasBothClasses ? Sweep.Where(point => point.Bpcer <= maxBpcer).Min(apcer) : null;

    /// <summary>
    /// What accepting at score &gt;= t gives, for t at each distinct score (the only places it changes) and then
    /// +infinity. Walking the scores upwards, each step rejects the presentations just below it: one pass, not
    /// one count per threshold.
    /// </summary>
    private List<OperatingPoint> SweepThresholds()
    {
        var ascending = presentations.OrderBy(presentation => presentation.Score).ToList();
        var accepted = new Dictionary<string, int>(attacksByType, StringComparer.Ordinal);
        var bonaFideRejected = 0;
        var next = 0;
        var points = new List<OperatingPoint>();
        foreach (var threshold in ascending.Select(presentation => presentation.Score).Distinct().Append(double.PositiveInfinity))
        {
            for (; next < ascending.Count && ascending[next].Score < threshold; next++)
            {
                if (ascending[next].BonaFide)
                {
                    bonaFideRejected++;
                }
                else
                {
                    accepted[ascending[next].AttackType]--;
                }
            }

            points.Add(PointOf(bonaFideRejected, accepted));
        }

        return points;
    }

    private OperatingPoint PointOf(int bonaFideRejected, IReadOnlyDictionary<string, int> attacksAccepted)
    {
        var byAttack = attacksByType.ToDictionary(
            type => type.Key,
            type => (double)attacksAccepted.GetValueOrDefault(type.Key) / type.Value,
            StringComparer.Ordinal);
        return new OperatingPoint(
            BonaFideCount == 0 ? 0 : (double)bonaFideRejected / BonaFideCount,
            byAttack,
            byAttack.Count > 0 ? byAttack.Values.Max() : 0,
            attacksByType.Count > 0 ? (double)attacksAccepted.Values.Sum() / attacksByType.Values.Sum() : 0);
    }
}
