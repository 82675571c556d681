namespace Liveness.Host.Audit;

/// <summary>The audit's settings and parts, for each listener that answers liveness requests.</summary>
internal static class AuditServices
{
    /// <summary>The audit log and the evidence store (the front writes events too: for what it refuses itself).</summary>
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<EvidenceStore>();
        return services;
    }
}
