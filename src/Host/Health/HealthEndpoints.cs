namespace Liveness.Host.Health;

/// <summary><c>/healthz</c> (the process answers) and <c>/readyz</c> (models loaded, warmed up and self-tested).</summary>
internal static class HealthEndpoints
{
    public const string Healthz = "/healthz";
    public const string Readyz = "/readyz";

    public static bool IsProbe(PathString path) => path == Healthz || path == Readyz;

    public static void MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Healthz, () => Results.Text("alive\n"))
            .WithTags("health").WithName("healthz").WithSummary("The process answers (text: alive)")
            .Produces<string>(StatusCodes.Status200OK, "text/plain");
        endpoints.MapGet(Readyz, (IReadiness readiness) =>
        {
            var (ready, detail) = readiness.Check();
            return Results.Text(detail + "\n", statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        }).WithTags("health").WithName("readyz").WithSummary("Ready to serve: models loaded, warmed up and self-tested (text: what is ready or not)")
            .Produces<string>(StatusCodes.Status200OK, "text/plain").Produces<string>(StatusCodes.Status503ServiceUnavailable, "text/plain");
    }
}
