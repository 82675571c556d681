using Liveness.Host.Metrics;
using Microsoft.AspNetCore.Http.Features;

namespace Liveness.Host.Contract;

/// <summary>
/// Answers every failure in the contract's error form: <see cref="LivenessError"/>s from any layer, Kestrel's
/// bad requests, unknown paths and methods, unreachable pipeline nodes, and anything unexpected (as 4007,
/// logged, with no detail leaked).
/// </summary>
internal sealed partial class ContractErrors(RequestDelegate next, ILogger<ContractErrors> logger)
{
    /// <summary>The status label of abnormal answers in the metrics.</summary>
    public const string Outcome = "error";

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
            // An aborted request (the client went away mid-upload) has nobody to answer and was logged where it failed.
            if (context.Response is { HasStarted: false, StatusCode: >= 400 } && !context.Response.ContentLength.HasValue
                && !context.RequestAborted.IsCancellationRequested)
            {
                await WriteAsync(context, KindOf(context.Response.StatusCode), StatusDetail(context));
            }
        }
        catch (Exception error) when (IsClientGone(context, error))
        {
            LogAborted(logger);
        }
        catch (LivenessError error)
        {
            if (error.InnerException is { } cause)
            {
                LogBackendFailure(logger, cause);
            }

            await WriteAsync(context, error.Kind, error.Message, error.Limit);
        }
        catch (BadHttpRequestException error)
        {
            var kind = KindOf(error.StatusCode);
            await WriteAsync(context, kind, kind switch
            {
                ErrorKind.PayloadTooLarge => "the request body is over the size limit",
                ErrorKind.BodyTooSlow => "the request body arrived too slowly",
                _ => "the request is malformed",
            });
        }
        catch (Exception error)
        {
            LogUnexpected(logger, error);
            await WriteAsync(context, ErrorKind.CheckFailed, "an internal error stopped the check");
        }
    }

    /// <summary>Writes the contract's error body for <paramref name="kind"/>; the one way any layer answers a failure.</summary>
    /// <param name="limit">For a 2008, the limit the video broke: <c>return_details</c> and the audit name it.</param>
    public static async Task WriteAsync(HttpContext context, ErrorKind kind, string detail, string? limit = null)
    {
        var entry = ErrorTable.For(kind);
        if (context.Response.HasStarted)
        {
            context.Abort();
            return;
        }

        LogAnswered(context.RequestServices.GetRequiredService<ILogger<ContractErrors>>(), entry.Code, entry.HttpStatus, kind);
        if (context.Request.Path == LivenessRoute.Path)
        {
            LivenessMetrics.Answered(entry.Code, Outcome, RequestId.Elapsed(context));
        }

        var message = $"{entry.Message}: {detail}";
        var details = context.Features.Get<IErrorAnswerFeature>()?.Answered(entry.Code, message, limit, RequestId.Elapsed(context));
        context.Response.Clear();
        context.Response.StatusCode = entry.HttpStatus;
        var body = new ErrorResponse(entry.Code, message, RequestId.Of(context), details);
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await context.Response.WriteAsJsonAsync(body, ErrorJsonContext.Default.ErrorResponse, cancellationToken: CancellationToken.None);
    }

    /// <summary>The connection is gone (an aborted upload): whatever failed after that has nobody to answer and is routine.</summary>
    private static bool IsClientGone(HttpContext context, Exception error) =>
        context.RequestAborted.IsCancellationRequested || error is Microsoft.AspNetCore.Connections.ConnectionResetException;

    private static ErrorKind KindOf(int status) => status switch
    {
        StatusCodes.Status404NotFound => ErrorKind.NotFound,
        StatusCodes.Status405MethodNotAllowed => ErrorKind.MethodNotAllowed,
        StatusCodes.Status411LengthRequired => ErrorKind.LengthRequired,
        StatusCodes.Status413PayloadTooLarge => ErrorKind.PayloadTooLarge,
        StatusCodes.Status408RequestTimeout => ErrorKind.BodyTooSlow,
        StatusCodes.Status429TooManyRequests => ErrorKind.RateLimited,
        StatusCodes.Status502BadGateway => ErrorKind.NodeUnreachable,
        StatusCodes.Status503ServiceUnavailable => ErrorKind.NoBackendReady,
        StatusCodes.Status504GatewayTimeout => ErrorKind.DeadlineExceeded,
        >= 500 => ErrorKind.CheckFailed,
        _ => ErrorKind.InvalidArgument,
    };

    private static string StatusDetail(HttpContext context) => context.Response.StatusCode switch
    {
        StatusCodes.Status404NotFound => $"there is no endpoint at {context.Request.Path}",
        StatusCodes.Status405MethodNotAllowed => $"{context.Request.Method} is not allowed here; use POST",
        StatusCodes.Status411LengthRequired => "the request must carry a Content-Length",
        StatusCodes.Status413PayloadTooLarge => "the request body is over the size limit",
        // YARP's answers on the front: a node that could not be reached, none ready, or one too slow.
        StatusCodes.Status502BadGateway => "no pipeline node could be reached",
        StatusCodes.Status503ServiceUnavailable => "no pipeline node is ready",
        StatusCodes.Status504GatewayTimeout => "the pipeline node did not answer within the front's time limit",
        _ => "the request could not be served",
    };
}
