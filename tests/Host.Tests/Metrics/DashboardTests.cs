using System.Text.Json;
using System.Text.RegularExpressions;

namespace Liveness.Host.Tests.Metrics;

/// <summary>
/// The Grafana dashboards and provisioning files as Grafana will read them: valid JSON, every query on the provisioned
/// data source, every product metric family on a panel, every panel and alert described for operators.
/// Whether the queries run is <see cref="PrometheusEndToEndTests"/>' job.
/// </summary>
public sealed class DashboardTests
{
    /// <summary>The metric families the product promises (issue 5); a dashboard that stops showing one hides it from operators.</summary>
    public static readonly TheoryData<string> ProductFamilies =
    [
        "liveness_requests_total",
        "liveness_request_duration_seconds",
        "liveness_stage_duration_seconds",
        "liveness_score",
        "liveness_model_inference_seconds",
        "liveness_backend_info",
        "liveness_backend_reloads_total",
        "liveness_front_rejected_total",
        "liveness_video_seconds",
        "liveness_cue_penalty",
        "liveness_rejections_total",
    ];

    [Fact]
    public void There_is_a_dashboard_and_each_is_valid_json_with_a_uid_and_unique_panel_ids()
    {
        Assert.NotEmpty(GrafanaFiles.Dashboards);
        foreach (var file in GrafanaFiles.Dashboards)
        {
            var dashboard = GrafanaFiles.Read(file);
            var ids = GrafanaFiles.Panels(dashboard).Select(panel => panel.GetProperty("id").GetInt32()).ToList();

            Assert.False(string.IsNullOrEmpty(dashboard.GetProperty("uid").GetString()), file);
            Assert.False(string.IsNullOrEmpty(dashboard.GetProperty("title").GetString()), file);
            Assert.Equal(ids.Count, ids.Distinct().Count());
        }
    }

    [Fact]
    public void Every_panel_target_and_variable_queries_the_provisioned_data_source()
    {
        var wrong = new List<string>();
        foreach (var file in GrafanaFiles.Dashboards)
        {
            var dashboard = GrafanaFiles.Read(file);
            foreach (var panel in GrafanaFiles.Panels(dashboard).Where(panel => !GrafanaFiles.IsRow(panel)))
            {
                var title = panel.GetProperty("title").GetString();
                CheckDataSource(panel, $"panel \"{title}\"", wrong);
                if (!GrafanaFiles.Targets(panel).Any())
                {
                    wrong.Add($"panel \"{title}\" has no query");
                }

                foreach (var target in GrafanaFiles.Targets(panel))
                {
                    CheckDataSource(target, $"panel \"{title}\" target {target.GetProperty("refId").GetString()}", wrong);
                    if (string.IsNullOrWhiteSpace(target.TryGetProperty("expr", out var expr) ? expr.GetString() : null))
                    {
                        wrong.Add($"panel \"{title}\" target {target.GetProperty("refId").GetString()} has no expr");
                    }
                }
            }

            foreach (var variable in dashboard.GetProperty("templating").GetProperty("list").EnumerateArray()
                         .Where(variable => variable.GetProperty("type").GetString() == "query"))
            {
                CheckDataSource(variable, $"variable ${variable.GetProperty("name").GetString()}", wrong);
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Fact]
    public void The_provisioning_declares_that_data_source_and_the_scrape_config_feeds_it()
    {
        var dataSources = File.ReadAllText(GrafanaFiles.DataSourceProvisioning);
        var dashboards = File.ReadAllText(GrafanaFiles.DashboardProvisioning);
        var scrape = File.ReadAllText(GrafanaFiles.ScrapeConfig);

        Assert.Matches(YamlLine("uid", GrafanaFiles.DataSourceUid), dataSources);
        Assert.Matches(YamlLine("type", "prometheus"), dataSources);
        Assert.Matches(YamlLine("url", "http://127.0.0.1:9090"), dataSources);
        Assert.Matches(YamlLine("type", "file"), dashboards);
        Assert.Matches(YamlLine("path", "/var/lib/grafana/dashboards/liveness"), dashboards);
        Assert.Matches(YamlLine("- job_name", GrafanaFiles.ScrapeJob), scrape);
        Assert.Matches(YamlLine("- targets", "[\"127.0.0.1:8082\"]"), scrape);
        Assert.Matches(new Regex(@"(?m)^rule_files:\s*\n\s*- alerts\.yml\s*$"), scrape);
    }

    [Theory]
    [MemberData(nameof(ProductFamilies))]
    public void A_panel_shows_each_product_metric_family(string family)
    {
        var selector = new Regex($@"\b{family}(_bucket|_sum|_count)?\{{");

        Assert.Contains(GrafanaFiles.PanelQueries(), query => selector.IsMatch(query.Expr));
    }

    [Fact]
    public void The_operations_guide_describes_every_panel_and_every_alert()
    {
        var guide = File.ReadAllText(GrafanaFiles.OperationsGuide);
        var titles = GrafanaFiles.Dashboards.SelectMany(file => GrafanaFiles.Panels(GrafanaFiles.Read(file)))
            .Where(panel => !GrafanaFiles.IsRow(panel))
            .Select(panel => panel.GetProperty("title").GetString()!);

        Assert.NotEmpty(GrafanaFiles.AlertNames());
        Assert.All(titles, title => Assert.Contains($"**{title}**", guide, StringComparison.Ordinal));
        Assert.All(GrafanaFiles.AlertNames(), alert => Assert.Contains($"`{alert}`", guide, StringComparison.Ordinal));
    }

    private static void CheckDataSource(JsonElement element, string what, List<string> wrong)
    {
        if (!element.TryGetProperty("datasource", out var source) || source.ValueKind != JsonValueKind.Object
            || source.GetProperty("uid").GetString() != GrafanaFiles.DataSourceUid
            || source.GetProperty("type").GetString() != "prometheus")
        {
            wrong.Add($"{what} does not name the data source {{\"type\": \"prometheus\", \"uid\": \"{GrafanaFiles.DataSourceUid}\"}}");
        }
    }

    private static Regex YamlLine(string key, string value) =>
        new($@"(?m)^\s*{Regex.Escape(key)}:\s*{Regex.Escape(value)}\s*(#.*)?$");
}
