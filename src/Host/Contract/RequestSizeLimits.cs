using Liveness.Host.Metrics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Liveness.Host.Contract;

/// <summary>
/// Refuses a body without a length (411) or over the limit (413) from its headers alone, and closes the
/// connection so the rest is never read. Fronts and pipeline nodes both stand behind it.
/// </summary>
internal sealed class RequestSizeLimits(RequestDelegate next, IOptions<RequestBodyOptions> options)
{
    private readonly long maxRequestBytes = options.Value.MaxBytes;

    public async Task InvokeAsync(HttpContext context)
    {
        var length = context.Request.ContentLength;
        var hasBody = context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? false;
        if (length is null && hasBody)
        {
            await RefuseAsync(context, ErrorKind.LengthRequired, LivenessMetrics.RejectedBecause.LengthRequired, "the request must carry a Content-Length");
        }
        else if (length > maxRequestBytes)
        {
            await RefuseAsync(context, ErrorKind.PayloadTooLarge, LivenessMetrics.RejectedBecause.TooLarge, $"the body is over the limit of {maxRequestBytes} bytes");
        }
        else
        {
            await next(context);
        }
    }

    private static Task RefuseAsync(HttpContext context, ErrorKind kind, string reason, string detail)
    {
        LivenessMetrics.FrontRejected.WithLabels(reason).Inc();
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderNames.Connection] = "close";
            return Task.CompletedTask;
        });
        return ContractErrors.WriteAsync(context, kind, detail);
    }
}
