using Microsoft.Extensions.Options;

namespace Liveness.Host.Api;

/// <summary>
/// Stops a check that runs past <see cref="ApiOptions.RequestTimeout"/> by cancelling its token, and answers
/// it with its own error (504) rather than the front's "no pipeline node could answer".
/// </summary>
internal sealed class RequestDeadline(RequestDelegate next, IOptions<ApiOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var timeout = options.Value.RequestTimeout;
        var clientAborted = context.RequestAborted;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(clientAborted);
        deadline.CancelAfter(timeout);
        context.RequestAborted = deadline.Token;
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !clientAborted.IsCancellationRequested)
        {
            throw new LivenessError(ErrorKind.DeadlineExceeded, $"the check ran over this node's limit of {timeout.TotalSeconds:0.###} s");
        }
        finally
        {
            context.RequestAborted = clientAborted;
        }
    }
}
