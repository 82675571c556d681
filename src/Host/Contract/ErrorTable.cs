namespace Liveness.Host.Contract;

/// <summary>The one place that maps every failure to the contract's code, message prefix and HTTP status.</summary>
internal static class ErrorTable
{
    public readonly record struct Entry(int Code, string Message, int HttpStatus);

    public static Entry For(ErrorKind kind) => kind switch
    {
        ErrorKind.InvalidArgument => new(1200, "invalid argument", StatusCodes.Status400BadRequest),
        ErrorKind.NotFound => new(1200, "invalid argument", StatusCodes.Status404NotFound),
        ErrorKind.MethodNotAllowed => new(1200, "invalid argument", StatusCodes.Status405MethodNotAllowed),
        ErrorKind.LengthRequired => new(1200, "invalid argument", StatusCodes.Status411LengthRequired),
        ErrorKind.PayloadTooLarge => new(1200, "invalid argument", StatusCodes.Status413PayloadTooLarge),
        ErrorKind.BodyTooSlow => new(1200, "invalid argument", StatusCodes.Status408RequestTimeout),
        ErrorKind.Forbidden => new(1200, "forbidden", StatusCodes.Status403Forbidden),
        ErrorKind.RateLimited => new(1200, "too many requests", StatusCodes.Status429TooManyRequests),
        ErrorKind.InvalidVideo => new(2008, "invalid video error", StatusCodes.Status400BadRequest),
        ErrorKind.NoBackendReady => new(4007, "liveness silent check failed", StatusCodes.Status503ServiceUnavailable),
        ErrorKind.NodeUnreachable => new(4007, "liveness silent check failed", StatusCodes.Status502BadGateway),
        ErrorKind.DeadlineExceeded => new(4007, "liveness silent check failed", StatusCodes.Status504GatewayTimeout),
        ErrorKind.CheckFailed => new(4007, "liveness silent check failed", StatusCodes.Status500InternalServerError),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
