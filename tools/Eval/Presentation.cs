namespace Liveness.Tools.Eval;

/// <summary>One presentation as the error rates see it: bona fide or an attack of a type, its liveness score, and the decision.</summary>
/// <param name="AttackType">The presentation attack instrument species; ignored for a bona fide presentation.</param>
/// <param name="Accepted">Whether the system took it for bona fide at its configured threshold (the API's <c>passed</c>).</param>
internal readonly record struct Presentation(bool BonaFide, string AttackType, double Score, bool Accepted);
