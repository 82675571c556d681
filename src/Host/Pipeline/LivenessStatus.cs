namespace Liveness.Host.Pipeline;

/// <summary>The contract's <c>liveness_status</c> values.</summary>
public enum LivenessStatus
{
    Ok,
    Hack,
    ShortTime,
}
