using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Liveness.Host.Api;
using Liveness.Host.Crypto;
using Liveness.Host.Pipeline;
using Liveness.Tools.Cli;

namespace Liveness.Tools.Eval;

/// <summary>
/// Measures a video as a client sees it: encrypted and posted to the pipeline node, scored and decided by the API.
/// An abnormal answer (1200, 2008, 4007) or no answer is a failure, with the API's message as its reason.
/// </summary>
internal sealed class VideoScorer(HttpClient pipeline, CryptoOptions crypto, Func<DecisionDetails?> takeDetails)
{
    public async Task<SampleOutcome> ScoreAsync(Sample sample, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        double Elapsed() => Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        try
        {
            var video = await File.ReadAllBytesAsync(sample.Path, cancellationToken);
            takeDetails();
            using var form = new FormUrlEncodedContent(
            [
                new("encrypted_video", ClientEncryption.Seal(video, crypto.Key, crypto.Iv)),
                new("return_status", "true"),
            ]);
            using var response = await pipeline.PostAsync(LivenessEndpoint.Route, form, cancellationToken);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            if (body.GetProperty("code").GetInt32() != 1000)
            {
                var error = body.Deserialize(ApiJsonContext.Default.ErrorResponse)!;
                return SampleOutcome.Failure(sample, $"{error.Code} {error.Message}", Elapsed());
            }

            var answer = body.Deserialize(ApiJsonContext.Default.LivenessResponse)!;
            return SampleOutcome.Decided(sample, answer.LivenessScore, answer.Passed, answer.LivenessStatus!, Elapsed(), takeDetails());
        }
        catch (Exception e) when (e is IOException or HttpRequestException or JsonException or KeyNotFoundException
                                      || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return SampleOutcome.Failure(sample, e.Message, Elapsed());
        }
    }
}
