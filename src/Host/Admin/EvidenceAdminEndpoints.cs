using System.Buffers;
using Liveness.Host.Api;
using Liveness.Host.Audit;
using Liveness.Host.Contract;

namespace Liveness.Host.Admin;

/// <summary>The evidence kept of one request (<c>Audit:KeepImages</c>), by its request id, for the admin key only: faces are personal data.</summary>
internal static class EvidenceAdminEndpoints
{
    private static readonly SearchValues<char> Hex = SearchValues.Create("0123456789abcdef");

    public static void MapEvidenceAdminEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/admin/evidence/{requestId}", (string requestId, EvidenceStore store) =>
            {
                if (requestId.Length != 32 || requestId.AsSpan().ContainsAnyExcept(Hex))
                {
                    throw LivenessError.InvalidArgument("the request id is 32 lowercase hex digits, as in request_id and X-Request-Id");
                }

                return store.Find(requestId)
                    ?? throw new LivenessError(ErrorKind.NotFound, store.Keeps
                        ? $"no evidence is kept for request {requestId} (never seen here, past Audit:RetentionDays, or unreadable with the audit key)"
                        : $"no evidence is kept for request {requestId}: Audit:KeepImages is off");
            })
            .RequireAdminKey()
            .WithTags("admin")
            .WithName("getEvidence")
            .WithSummary("The selected frame and face crop kept of one request (Audit:KeepImages), by its request id")
            .Produces<StoredEvidence>()
            .Produces<ErrorResponse>(StatusCodes.Status400BadRequest)
            .Produces<ErrorResponse>(StatusCodes.Status404NotFound);
}
