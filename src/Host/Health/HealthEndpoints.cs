namespace Liveness.Host.Health;

/// <summary><c>/healthz</c> (the process answers) and <c>/readyz</c> (models loaded, warmed up and self-tested).</summary>
internal static class HealthEndpoints
{
    public static void MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => Results.Text("alive\n"));
        endpoints.MapGet("/readyz", (IReadiness readiness) =>
        {
            var (ready, detail) = readiness.Check();
            return Results.Text(detail + "\n", statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
    }
}
