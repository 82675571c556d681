using System.Globalization;
using System.Threading.RateLimiting;
using Liveness.Host.Contract;
using Liveness.Host.Metrics;
using Microsoft.AspNetCore.RateLimiting;

namespace Liveness.Host.Front;

/// <summary>
/// ASP.NET Core's rate limiter on the front: a token bucket per client address, chained with one concurrency
/// limit over all clients whose bounded queue absorbs bursts. Rejections get 429, <c>Retry-After</c> and the
/// contract's error body.
/// </summary>
internal static class FrontRateLimiter
{
    public static void Configure(RateLimiterOptions limiter, FrontOptions front)
    {
        var perClient = PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetTokenBucketLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "",
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = front.RateLimit.Burst,
                TokensPerPeriod = front.RateLimit.PermitsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
        var allClients = PartitionedRateLimiter.Create<HttpContext, string>(_ => RateLimitPartition.GetConcurrencyLimiter(
            "all",
            _ => new ConcurrencyLimiterOptions
            {
                PermitLimit = front.MaxConcurrentRequests,
                QueueLimit = front.QueueLimit,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            }));
        limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(perClient, allClients);
        limiter.OnRejected = async (rejected, cancellationToken) =>
        {
            LivenessMetrics.FrontRejected.WithLabels(LivenessMetrics.RejectedBecause.RateLimited).Inc();
            var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))
                : 1;
            var response = rejected.HttpContext.Response;
            response.OnStarting(() =>
            {
                response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            });
            await ContractErrors.WriteAsync(rejected.HttpContext, ErrorKind.RateLimited, $"retry after {retryAfter} s");
        };
    }
}
