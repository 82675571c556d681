using System.Net;
using System.Text.RegularExpressions;

namespace Liveness.Host.Tests.Deploy;

/// <summary>
/// Every path a deployment file probes or scrapes (Kubernetes probes and scrape annotations, Compose and Dockerfile
/// health checks) is one the real host answers on its admin listener.
/// </summary>
public sealed partial class ProbedEndpointsTests
{
    [Fact]
    public async Task Every_probed_or_scraped_path_is_served_by_the_admin_listener()
    {
        var paths = ProbedPaths().ToHashSet();
        Assert.Superset(new HashSet<string> { "/readyz", "/healthz", "/metrics" }, paths);
        Assert.Equal(3, paths.Count);

        await using var server = await LivenessServer.StartAsync();
        foreach (var path in paths)
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            HttpStatusCode status;
            // Readiness answers 503 until the models are loaded and self-tested; then every path answers 200.
            while ((status = (await server.AdminClient.GetAsync(path)).StatusCode) != HttpStatusCode.OK && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }

            Assert.True(status == HttpStatusCode.OK, $"{path}: {status}");
        }

        Assert.Equal(HttpStatusCode.NotFound, (await server.AdminClient.GetAsync("/no-such-probe")).StatusCode);
    }

    private static IEnumerable<string> ProbedPaths()
    {
        var files = DeployFiles.YamlFiles().Select(File.ReadAllText).Append(File.ReadAllText(DeployFiles.Path("Dockerfile")));
        foreach (var text in files)
        {
            foreach (Match match in ProbeUrl().Matches(text))
            {
                yield return new Uri(match.Value).AbsolutePath;
            }

            foreach (Match match in ProbePath().Matches(text))
            {
                yield return match.Groups[1].Value;
            }
        }
    }

    /// <summary>A health check's URL on the container's own loopback.</summary>
    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/[a-z]+")]
    private static partial Regex ProbeUrl();

    /// <summary>A Kubernetes probe's <c>path:</c> or a <c>prometheus.io/path</c> annotation.</summary>
    [GeneratedRegex(@"(?m)^\s*(?:path|prometheus\.io/path):\s*(/\S+)\s*$")]
    private static partial Regex ProbePath();
}
