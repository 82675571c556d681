namespace Liveness.Host.Tests.Metrics;

/// <summary>Prometheus' own checker on the shipped scrape config and alert rules, and the rules' unit tests (grafana/alerts.test.yml).</summary>
public sealed class PromtoolTests
{
    [Fact]
    public async Task The_scrape_config_with_its_rule_file_passes_promtool_check_config()
    {
        var (exitCode, output) = await PrometheusServer.PromtoolAsync("check", "config", GrafanaFiles.ScrapeConfig);

        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task The_alert_rules_pass_promtool_check_rules()
    {
        var (exitCode, output) = await PrometheusServer.PromtoolAsync("check", "rules", GrafanaFiles.AlertRules);

        Assert.True(exitCode == 0, output);
    }

    /// <summary>The end-to-end test shows each alert's signal has data; these show each alert fires when it should and only then.</summary>
    [Fact]
    public async Task Each_alert_fires_on_its_unit_test_series_and_stays_quiet_on_healthy_ones()
    {
        var (exitCode, output) = await PrometheusServer.PromtoolAsync("test", "rules", GrafanaFiles.AlertRuleTests);

        Assert.True(exitCode == 0, output);
    }
}
