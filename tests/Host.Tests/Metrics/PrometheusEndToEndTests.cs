using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Liveness.Host.Tests.Metrics;

/// <summary>
/// The dashboards and alert rules of grafana/ against a real Prometheus scraping the real host: every query must
/// parse and return data after real traffic, so a renamed metric, a dropped label or a PromQL typo fails here
/// instead of leaving an empty panel or an alert that can never fire. In <see cref="MetricsCollection"/>, alone:
/// the metric registry is the process's, and other tests' hosts would change what this host's /metrics shows
/// (their backends in <c>liveness_backend_info</c>) while Prometheus scrapes it.
/// </summary>
[Collection(nameof(MetricsCollection))]
public sealed partial class PrometheusEndToEndTests(ScrapedHostFixture fixture) : IClassFixture<ScrapedHostFixture>
{
    /// <summary>
    /// Grafana's variables as the test sets them: every instance, and a rate window that spans the whole test run
    /// (Prometheus started seconds ago, so any window of minutes holds every sample). A new variable must be added
    /// here, or the query fails with a leftover <c>$</c>.
    /// </summary>
    private static readonly Dictionary<string, string> GrafanaVariables = new()
    {
        ["$__rate_interval"] = "5m",
        ["$instance"] = ".+",
    };

    /// <summary>Alerts that must not fire while the host is up and serving with its default backends.</summary>
    private static readonly string[] HealthAlerts = ["LivenessDown", "LivenessNoBackendReady"];

    [Fact]
    public async Task Every_dashboard_query_returns_data_from_the_scraped_host()
    {
        var queries = GrafanaFiles.PanelQueries().ToList();
        var problems = new List<string>();
        foreach (var (where, expr) in queries)
        {
            var promql = GrafanaVariables.Aggregate(expr, (query, variable) => query.Replace(variable.Key, variable.Value, StringComparison.Ordinal));
            problems.AddRange(await ProblemsAsync(where, promql));
        }

        Assert.NotEmpty(queries);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task Prometheus_loads_every_alert_rule_of_the_file_and_evaluates_it_without_error()
    {
        var rules = await fixture.Prometheus.EvaluatedRulesAsync();

        Assert.Equal(GrafanaFiles.AlertNames().Order(StringComparer.Ordinal), rules.Select(Name).Order(StringComparer.Ordinal));
        Assert.All(rules, rule => Assert.True(rule.GetProperty("health").GetString() == "ok", $"{Name(rule)}: {rule}"));
    }

    /// <summary>
    /// grafana/alerts.yml writes every alert as <c>SIGNAL COMPARISON THRESHOLD</c>; a healthy host keeps most
    /// alerts quiet, so the threshold comes off and the signal alone must return data.
    /// </summary>
    [Fact]
    public async Task Every_alert_signal_without_its_threshold_returns_data()
    {
        var problems = new List<string>();
        foreach (var rule in await fixture.Prometheus.EvaluatedRulesAsync())
        {
            var query = rule.GetProperty("query").GetString()!;
            var threshold = ThresholdComparison().Match(query);
            if (!threshold.Success)
            {
                problems.Add($"alert {Name(rule)} does not end in a comparison with a number: {query}");
                continue;
            }

            problems.AddRange(await ProblemsAsync($"alert {Name(rule)}", threshold.Groups["signal"].Value));
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task The_host_down_and_no_backend_alerts_stay_quiet_on_a_healthy_host()
    {
        var rules = await fixture.Prometheus.EvaluatedRulesAsync();

        foreach (var alert in HealthAlerts)
        {
            var rule = Assert.Single(rules, rule => Name(rule) == alert);
            Assert.Equal("inactive", rule.GetProperty("state").GetString());
        }
    }

    /// <summary>What is wrong with one query's answer: an error, no series, or only NaN (no observation moved in the window).</summary>
    private async Task<IEnumerable<string>> ProblemsAsync(string where, string promql)
    {
        if (promql.Contains('$', StringComparison.Ordinal))
        {
            return [$"{where}: a Grafana variable the test does not set: {promql}"];
        }

        var answer = await fixture.Prometheus.QueryAsync(promql);
        if (answer.GetProperty("status").GetString() != "success")
        {
            return [$"{where}: {answer.GetProperty("error").GetString()}\n    {promql}"];
        }

        var data = answer.GetProperty("data");
        List<string?> values = data.GetProperty("resultType").GetString() switch
        {
            "vector" => data.GetProperty("result").EnumerateArray().Select(sample => sample.GetProperty("value")[1].GetString()).ToList(),
            "scalar" => [data.GetProperty("result")[1].GetString()],
            _ => [],
        };
        return values.Count == 0 ? [$"{where}: no data\n    {promql}"]
            : values.All(value => value == "NaN") ? [$"{where}: only NaN\n    {promql}"]
            : [];
    }

    private static string Name(JsonElement rule) => rule.GetProperty("name").GetString()!;

    /// <summary>The comparison with a number that ends an alert's query, as Prometheus prints it; <c>signal</c> is the rest.</summary>
    [GeneratedRegex(@"^(?<signal>.+?)\s*(?:==|!=|>=|<=|>|<)\s*(?:bool\s+)?[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?\s*$", RegexOptions.Singleline)]
    private static partial Regex ThresholdComparison();
}

/// <summary>
/// One host whose front allows a client one request a second, a Prometheus scraping its admin listener every
/// second with grafana/alerts.yml loaded, and two rounds of every kind of answer: the first round creates the
/// labelled series, the second moves them between scrapes, so rates and quantiles have values, not only series.
/// </summary>
public sealed class ScrapedHostFixture : IAsyncLifetime
{
    /// <summary>The front's token bucket refills one request a second; waiting longer guarantees the next one passes.</summary>
    private static readonly TimeSpan TokenRefill = TimeSpan.FromSeconds(1.2);

    private const string FormContentType = "Content-Type: application/x-www-form-urlencoded";

    public LivenessServer Server { get; private set; } = null!;

    internal PrometheusServer Prometheus { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // xUnit disposes the fixture also when this throws.
        PrometheusServer.AssertInstalled();
        Server = await LivenessServer.StartAsync(new Dictionary<string, string>
        {
            ["Front:RateLimit:PermitsPerSecond"] = "1",
            ["Front:RateLimit:Burst"] = "1",
            ["RequestBody:MaxBytes"] = "16777216",
        });
        Prometheus = await PrometheusServer.StartAsync(Config(Server.AdminClient.BaseAddress!));
        await Prometheus.WaitForScrapeAfterAsync(GrafanaFiles.ScrapeJob, DateTimeOffset.UtcNow);
        for (var round = 0; round < 2; round++)
        {
            await SendEveryKindOfRequestAsync(Server.Client);
            await Prometheus.WaitForScrapeAfterAsync(GrafanaFiles.ScrapeJob, DateTimeOffset.UtcNow);
        }

        // A second scrape after the last request: a rate needs two samples that both see it.
        await Prometheus.WaitForScrapeAfterAsync(GrafanaFiles.ScrapeJob, DateTimeOffset.UtcNow);
    }

    /// <summary>Scrapes the host every second under the job name the alert rules select, with the shipped rules loaded.</summary>
    private static string Config(Uri admin) => string.Create(CultureInfo.InvariantCulture, $"""
        global:
          scrape_interval: 1s
          scrape_timeout: 1s
          evaluation_interval: 1s
        rule_files:
          - '{GrafanaFiles.AlertRules}'
        scrape_configs:
          - job_name: {GrafanaFiles.ScrapeJob}
            metrics_path: /metrics
            static_configs:
              - targets: ['{admin.Authority}']
        """);

    /// <summary>ok, hack, short_time, 2008, 1200, 411, 413, and a burst that gets 429: every status, code and front rejection the dashboards show.</summary>
    private static async Task SendEveryKindOfRequestAsync(HttpClient front)
    {
        Assert.Equal("ok", await StatusOfAsync(front, SharedFiles.Video("lestari15_real.mp4")));
        Assert.Equal("hack", await StatusOfAsync(front, SharedFiles.Video("lestari15_fake.mp4")));
        Assert.Equal("short_time", await StatusOfAsync(front, TestVideos.NoFace()));

        await Task.Delay(TokenRefill);
        using (var oneSecond = await front.PostVideoAsync(TestVideos.Bytes(TestVideos.OneSecond())))
        {
            await oneSecond.AssertErrorAsync(400, 2008, "shorter than 2 s");
        }

        await Task.Delay(TokenRefill);
        using (var empty = await front.PostFormAsync([new("encrypted_video", "")]))
        {
            await empty.AssertErrorAsync(400, 1200, "encrypted_video is required");
        }

        await Task.Delay(TokenRefill);
        var noLength = await RawHttp.SendAsync(front.BaseAddress!, "POST", ContractClient.Route,
            [FormContentType, "Transfer-Encoding: chunked"], RawHttp.EmptyChunkedBody);
        Assert.StartsWith("HTTP/1.1 411", noLength, StringComparison.Ordinal);

        await Task.Delay(TokenRefill);
        var tooLarge = await RawHttp.SendHeadAsync(front.BaseAddress!, "POST", ContractClient.Route, FormContentType, "Content-Length: 20000000");
        Assert.StartsWith("HTTP/1.1 413", tooLarge, StringComparison.Ordinal);

        await Task.Delay(TokenRefill);
        var burst = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => front.PostFormAsync([new("encrypted_video", "")])));
        Assert.Contains(burst, response => response.StatusCode == HttpStatusCode.TooManyRequests);
        foreach (var response in burst)
        {
            response.Dispose();
        }
    }

    private static async Task<string?> StatusOfAsync(HttpClient front, string video)
    {
        await Task.Delay(TokenRefill);
        using var response = await front.PostVideoAsync(TestVideos.Bytes(video), returnStatus: true);
        var body = await response.ReadContractJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{Path.GetFileName(video)}: {body}");
        return body.GetProperty("liveness_status").GetString();
    }

    public async Task DisposeAsync()
    {
        if (Prometheus is not null)
        {
            await Prometheus.DisposeAsync();
        }

        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
