using Liveness.Host.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace Liveness.Host.Tests.Pipeline;

/// <summary>A video posted through the API, with what the pipeline saw read from its internal details.</summary>
internal static class PipelineDecision
{
    public static async Task<(string Status, DecisionDetails? Details)> DecideAsync(this LivenessServer server, string path)
    {
        var pipeline = server.Host.Pipeline!.Services.GetRequiredService<LivenessPipeline>();
        DecisionDetails? details = null;
        void Seen(LivenessDecision decision) => details = decision.Details;
        pipeline.Decided += Seen;
        try
        {
            using var response = await server.Client.PostVideoAsync(File.ReadAllBytes(path), returnStatus: true);
            var body = await response.ReadContractJsonAsync();
            return (body.GetProperty("liveness_status").GetString()!, details);
        }
        finally
        {
            pipeline.Decided -= Seen;
        }
    }
}
