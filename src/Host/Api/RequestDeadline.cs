using Liveness.Host.Contract;
using Microsoft.Extensions.Options;

namespace Liveness.Host.Api;

/// <summary>
/// Stops a check that runs past <see cref="ApiOptions.RequestTimeout"/> by cancelling its token, and answers
/// it with its own error (504) rather than the front's "no pipeline node could answer".
/// </summary>
/// <remarks>
/// The clock starts once the upload has been read: a deadline that fired mid-upload would answer and close the
/// connection before the body was read, which the client (or the front) sees as a reset, not as this error.
/// Slow uploads have their own limit (<see cref="RequestBodyOptions.MinBytesPerSecond"/>).
/// </remarks>
internal sealed class RequestDeadline(IOptions<ApiOptions> options)
{
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> check, CancellationToken clientAborted)
    {
        var timeout = options.Value.RequestTimeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(clientAborted);
        deadline.CancelAfter(timeout);
        try
        {
            return await check(deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !clientAborted.IsCancellationRequested)
        {
            throw new LivenessError(ErrorKind.DeadlineExceeded, $"the check ran over this node's limit of {timeout.TotalSeconds:0.###} s");
        }
    }
}
