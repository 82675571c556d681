using System.Buffers;
using System.Diagnostics;

namespace Liveness.Host.Contract;

/// <summary>
/// Gives every request a unique id: in the response body, the <c>X-Request-Id</c> header and every log line's
/// scope. The front assigns it and forwards it, so the pipeline node behind logs the same id.
/// </summary>
internal sealed class RequestId(RequestDelegate next, ILogger<RequestId> logger, bool trustIncoming)
{
    public const string Header = "X-Request-Id";

    private static readonly SearchValues<char> Hex = SearchValues.Create("0123456789abcdef");
    private static readonly object StartedKey = new();

    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[Header].ToString();
        var id = trustIncoming && incoming.Length == 32 && !incoming.AsSpan().ContainsAnyExcept(Hex)
            ? incoming
            : New();
        context.TraceIdentifier = id;
        context.Items[StartedKey] = Stopwatch.GetTimestamp();
        context.Request.Headers[Header] = id;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = id;
            return Task.CompletedTask;
        });
        using (logger.BeginScope("RequestId:{RequestId} Client:{ClientAddress}", id, context.Connection.RemoteIpAddress))
        {
            await next(context);
        }
    }

    public static string Of(HttpContext context) => context.TraceIdentifier;

    /// <summary>A fresh id: 32 lowercase hex digits, the only form a node accepts from its front.</summary>
    public static string New() => Guid.NewGuid().ToString("N");

    /// <summary>Time since this request arrived.</summary>
    public static TimeSpan Elapsed(HttpContext context) =>
        context.Items.TryGetValue(StartedKey, out var started) ? Stopwatch.GetElapsedTime((long)started!) : TimeSpan.Zero;
}
