namespace Liveness.Host.Api;

/// <summary>Gives every request a unique id: in the response body, the <c>X-Request-Id</c> header and every log line's scope.</summary>
internal sealed partial class RequestId(RequestDelegate next, ILogger<RequestId> logger)
{
    public const string Header = "X-Request-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var id = Guid.NewGuid().ToString("N");
        context.TraceIdentifier = id;
        context.Response.Headers[Header] = id;
        using (logger.BeginScope(new Dictionary<string, object> { ["RequestId"] = id }))
        {
            await next(context);
        }
    }

    public static string Of(HttpContext context) => context.TraceIdentifier;
}
