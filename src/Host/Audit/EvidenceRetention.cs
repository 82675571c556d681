namespace Liveness.Host.Audit;

/// <summary>Deletes evidence past <c>Audit:RetentionDays</c> at start and every hour, also after <c>Audit:KeepImages</c> was turned off.</summary>
internal sealed partial class EvidenceRetention(EvidenceStore store, ILogger<EvidenceRetention> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                if (store.Purge(DateTime.UtcNow) is > 0 and var deleted)
                {
                    LogPurged(logger, deleted);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                LogPurgeFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
