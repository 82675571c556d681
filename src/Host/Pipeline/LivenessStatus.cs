namespace Liveness.Host.Pipeline;

/// <summary>The contract's <c>liveness_status</c> values.</summary>
public enum LivenessStatus
{
    Ok,
    Hack,
    ShortTime,
}

/// <summary>How <see cref="LivenessStatus"/> is written in answers, metrics and the audit.</summary>
public static class LivenessStatusName
{
    public static string Of(LivenessStatus status) => status switch
    {
        LivenessStatus.Ok => "ok",
        LivenessStatus.Hack => "hack",
        LivenessStatus.ShortTime => "short_time",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
