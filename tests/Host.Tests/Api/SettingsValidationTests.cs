using Microsoft.Extensions.Options;

namespace Liveness.Host.Tests.Api;

/// <summary>A bad value in any section stops the start with a message naming it, instead of starting and failing every request.</summary>
public sealed class SettingsValidationTests
{
    [Theory]
    [InlineData("Front:RateLimit:PermitsPerSecond", "0", "PermitsPerSecond")]
    [InlineData("Front:RateLimit:Burst", "0", "Burst")]
    [InlineData("Front:MaxConcurrentRequests", "0", "MaxConcurrentRequests")]
    [InlineData("RequestBody:MinRateGracePeriod", "00:00:00", "MinRateGracePeriod")]
    [InlineData("Front:PassiveHealth:DefaultFailureRateLimit", "2", "Front:PassiveHealth")]
    [InlineData("Api:MaxConcurrentRequests", "0", "MaxConcurrentRequests")]
    [InlineData("Api:RequestTimeout", "00:00:00", "RequestTimeout")]
    [InlineData("Video:MaxSeconds", "1", "MaxSeconds")]
    [InlineData("Pipeline:PassThreshold", "1.5", "PassThreshold")]
    [InlineData("Fusion:Glare:Weight", "-1", "Glare")]
    [InlineData("Crypto:Key", "short", "32 bytes")]
    [InlineData("Models:DownloadTimeout", "00:00:00", "DownloadTimeout")]
    [InlineData("Backends:Device", "gpu", "Device")]
    [InlineData("Listeners:Pipeline", "", "Listeners:NodeSecret")]
    [InlineData("Front:MaxRequestBytes", "16777216", "Front:MaxRequestBytes is no longer a setting: use RequestBody:MaxBytes")]
    [InlineData("Api:MinRequestBytesPerSecond", "1024", "use RequestBody:MinBytesPerSecond")]
    public async Task A_bad_setting_stops_the_start_and_is_named(string key, string value, string named)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var server = await LivenessServer.StartAsync(new Dictionary<string, string> { [key] = value });
        });

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
