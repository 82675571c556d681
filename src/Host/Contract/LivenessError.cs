namespace Liveness.Host.Contract;

/// <summary>The kinds of failure the contract distinguishes; <see cref="ErrorTable"/> maps each to a code and HTTP status.</summary>
public enum ErrorKind
{
    InvalidArgument,
    NotFound,
    MethodNotAllowed,
    LengthRequired,
    PayloadTooLarge,
    BodyTooSlow,
    RateLimited,
    Forbidden,
    InvalidVideo,
    NoBackendReady,
    NodeUnreachable,
    DeadlineExceeded,
    CheckFailed,
}

/// <summary>A failure raised anywhere in the request's journey and answered in the contract's error form.</summary>
/// <remarks>The detail becomes part of the client-facing message: it must never hold key material or video bytes.</remarks>
public sealed class LivenessError(ErrorKind kind, string detail, Exception? inner = null) : Exception(detail, inner)
{
    public ErrorKind Kind { get; } = kind;

    /// <summary>For a 2008, the limit the video broke (<c>Video:MaxSeconds</c>), when it broke one: <c>return_details</c> and the audit name it.</summary>
    public string? Limit { get; private init; }

    public static LivenessError InvalidArgument(string detail) => new(ErrorKind.InvalidArgument, detail);

    public static LivenessError InvalidVideo(string detail, string? limit = null) => new(ErrorKind.InvalidVideo, detail) { Limit = limit };

    public static LivenessError CheckFailed(string detail, Exception? inner = null) => new(ErrorKind.CheckFailed, detail, inner);
}
