using Liveness.Host.Health;

namespace Liveness.Host.Admin;

/// <summary>The admin listener: health and readiness for orchestrators and YARP's active checks; never reachable through the front.</summary>
internal static class AdminApp
{
    public static WebApplication Build(string[] args, ListenerOptions listeners, IReadiness readiness)
    {
        var builder = NodeApp.CreateBuilder(args, listeners.Admin);
        builder.Services.AddSingleton(readiness);
        var app = builder.Build();
        app.UseContractEdge(trustIncomingRequestId: false);
        app.MapHealthEndpoints();
        return app;
    }
}
