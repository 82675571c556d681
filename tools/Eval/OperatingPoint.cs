namespace Liveness.Tools.Eval;

/// <summary>The error rates of one way of deciding: a threshold, or the decisions the system made.</summary>
/// <param name="Apcer">The worst attack type's APCER.</param>
/// <param name="ApcerPooled">The APCER of all attack presentations together.</param>
internal sealed record OperatingPoint(
    double Bpcer,
    IReadOnlyDictionary<string, double> ApcerByAttack,
    double Apcer,
    double ApcerPooled);
