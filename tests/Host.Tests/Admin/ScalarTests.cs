using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Liveness.Host.Tests.Admin;

/// <summary>The Scalar UI on the admin listener: served from the host itself, and asking no other site for anything.</summary>
[Collection(nameof(ServerCollection))]
public sealed partial class ScalarTests(ServerFixture fixture)
{
    [Fact]
    public async Task The_page_loads_only_assets_the_admin_listener_serves()
    {
        var page = await fixture.Server.AdminClient.GetStringAsync("/scalar/");

        var assets = AssetReference().Matches(page).Select(match => match.Groups[1].Value).ToList();
        Assert.Contains("scalar.js", assets);
        foreach (var asset in assets)
        {
            Assert.DoesNotContain("//", asset, StringComparison.Ordinal);
            using var response = await fixture.Server.AdminClient.GetAsync("/scalar/" + asset);
            Assert.True(response.IsSuccessStatusCode, $"/scalar/{asset} answered {(int)response.StatusCode}");
        }

        Assert.Contains("\"withDefaultFonts\":false", page, StringComparison.Ordinal);
        Assert.Contains("\"telemetry\":false", page, StringComparison.Ordinal);
        Assert.DoesNotContain("proxyUrl", page, StringComparison.Ordinal);
    }

    /// <summary>
    /// Real Chromium renders the page with a network log: every request the page makes goes to the admin listener, and the
    /// document is rendered (its operation summary is in the DOM). Chromium's own background calls have no page initiator.
    /// </summary>
    [FactWhenInstalled("chromium", "chromium")]
    public async Task In_a_real_browser_the_page_renders_the_document_without_any_request_to_another_site()
    {
        var origin = fixture.Server.AdminClient.BaseAddress!.GetLeftPart(UriPartial.Authority);
        var work = Directory.CreateTempSubdirectory("liveness-scalar-").FullName;
        try
        {
            var netLog = Path.Combine(work, "netlog.json");
            var start = new ProcessStartInfo("chromium")
            {
                ArgumentList =
                {
                    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                    $"--user-data-dir={Path.Combine(work, "profile")}", $"--log-net-log={netLog}",
                    "--virtual-time-budget=20000", "--dump-dom", $"{origin}/scalar/",
                },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var chromium = Process.Start(start)!;
            var dom = chromium.StandardOutput.ReadToEndAsync();
            _ = chromium.StandardError.ReadToEndAsync();
            await chromium.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));

            Assert.Contains("Check that the face in a video is a live person", await dom, StringComparison.Ordinal);
            var requested = PageRequests(netLog, origin);
            Assert.Contains($"{origin}/openapi/v1.json", requested);
            Assert.Contains($"{origin}/scalar/scalar.js", requested);
            Assert.All(requested, url => Assert.StartsWith(origin + "/", url, StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The URLs of every request the page itself started (its initiator is the page's origin).</summary>
    private static List<string> PageRequests(string netLog, string origin)
    {
        using var log = JsonDocument.Parse(File.ReadAllText(netLog));
        return log.RootElement.GetProperty("events").EnumerateArray()
            .Where(entry => entry.TryGetProperty("params", out var parameters)
                && parameters.TryGetProperty("url", out _)
                && parameters.TryGetProperty("initiator", out var initiator) && initiator.GetString() == origin)
            .Select(entry => entry.GetProperty("params").GetProperty("url").GetString()!)
            .Distinct()
            .ToList();
    }

    [GeneratedRegex("(?:src|href)=\"([^\"]+)\"")]
    private static partial Regex AssetReference();
}
