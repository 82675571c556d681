using System.Net;
using System.Security.Cryptography;
using System.Text;
using Liveness.Host.Audit;
using Liveness.Host.Contract;
using Liveness.Host.Health;

namespace Liveness.Host.Api;

/// <summary>
/// A pipeline node serves liveness checks only to its front, which proves itself with the node secret in
/// <see cref="Header"/> (compared in constant time). Only then are the front's <c>X-Request-Id</c> and
/// <c>X-Forwarded-For</c> believed; anyone else's are dropped before anything reads them.
/// </summary>
internal static class FrontAuthentication
{
    public const string Header = "X-Liveness-Node-Secret";

    private const string ForwardedFor = "X-Forwarded-For";

    private static readonly object FromFrontKey = new();

    /// <summary>The contract edge of a pipeline node: authentication first, then request ids and errors, then the refusal of strangers.</summary>
    public static void UseContractEdgeBehindFront(this WebApplication app, string secret)
    {
        var expected = Encoding.UTF8.GetBytes(secret);
        app.Use((context, next) =>
        {
            var given = Encoding.UTF8.GetBytes(context.Request.Headers[Header].ToString());
            context.Request.Headers.Remove(Header);
            if (CryptographicOperations.FixedTimeEquals(expected, given))
            {
                context.Items[FromFrontKey] = true;
                TakeClientAddress(context);
            }
            else
            {
                context.Request.Headers.Remove(RequestId.Header);
                context.Request.Headers.Remove(ForwardedFor);
            }

            return next(context);
        });
        app.UseContractEdge(trustIncomingRequestId: true, AuditTrail.OfNode);
        // YARP's active health checks carry no transforms; the probes say nothing but whether the node is ready.
        app.Use((context, next) => context.Items.ContainsKey(FromFrontKey) || HealthEndpoints.IsProbe(context.Request.Path)
            ? next(context)
            : throw new LivenessError(ErrorKind.Forbidden, $"this pipeline node serves its front only ({Header} is missing or wrong)"));
    }

    /// <summary>The front sets the header to the one address its client connected from.</summary>
    private static void TakeClientAddress(HttpContext context)
    {
        var forwarded = context.Request.Headers[ForwardedFor].ToString();
        if (IPAddress.TryParse(forwarded.AsSpan(forwarded.LastIndexOf(',') + 1).Trim(), out var client))
        {
            context.Connection.RemoteIpAddress = client;
        }
    }
}
