using System.Text.Json;
using System.Text.RegularExpressions;

namespace Liveness.Host.Tests.Metrics;

/// <summary>The monitoring files operators install from <c>grafana/</c> in the checkout, and the queries in them.</summary>
internal static partial class GrafanaFiles
{
    /// <summary>The uid of the provisioned Prometheus data source; every panel names it.</summary>
    public const string DataSourceUid = "liveness-prometheus";

    /// <summary>The scrape job of grafana/prometheus.yml; the alert rules select it.</summary>
    public const string ScrapeJob = "liveness";

    public static string Folder => Path.Combine(SharedFiles.RepositoryRoot(), "grafana");

    public static string AlertRules => Path.Combine(Folder, "alerts.yml");

    public static string AlertRuleTests => Path.Combine(Folder, "alerts.test.yml");

    public static string ScrapeConfig => Path.Combine(Folder, "prometheus.yml");

    public static string DataSourceProvisioning => Path.Combine(Folder, "provisioning", "datasources", "prometheus.yml");

    public static string DashboardProvisioning => Path.Combine(Folder, "provisioning", "dashboards", "liveness.yml");

    public static string OperationsGuide => Path.Combine(SharedFiles.RepositoryRoot(), "docs", "operations.md");

    /// <summary>Every dashboard the provisioning loads: the JSON files of grafana/dashboards.</summary>
    public static IReadOnlyList<string> Dashboards =>
        Directory.GetFiles(Path.Combine(Folder, "dashboards"), "*.json").Order(StringComparer.Ordinal).ToList();

    public static JsonElement Read(string dashboard)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(dashboard));
        return document.RootElement.Clone();
    }

    /// <summary>Every panel of a dashboard, those inside collapsed rows included.</summary>
    public static IEnumerable<JsonElement> Panels(JsonElement dashboard) =>
        dashboard.GetProperty("panels").EnumerateArray().SelectMany(panel =>
            panel.TryGetProperty("panels", out var nested) ? nested.EnumerateArray().Prepend(panel) : [panel]);

    public static bool IsRow(JsonElement panel) => panel.GetProperty("type").GetString() == "row";

    public static IEnumerable<JsonElement> Targets(JsonElement panel) =>
        panel.TryGetProperty("targets", out var targets) ? targets.EnumerateArray() : [];

    /// <summary>Each PromQL query of every dashboard, named by its dashboard file, panel title and target.</summary>
    public static IEnumerable<(string Where, string Expr)> PanelQueries() =>
        from file in Dashboards
        let dashboard = Read(file)
        from panel in Panels(dashboard)
        from target in Targets(panel)
        select ($"{Path.GetFileName(file)}: \"{panel.GetProperty("title").GetString()}\" {target.GetProperty("refId").GetString()}",
            target.GetProperty("expr").GetString() ?? "");

    /// <summary>The alert names in grafana/alerts.yml, read from its text (no YAML library here; Prometheus parses it in the end-to-end test).</summary>
    public static IReadOnlyList<string> AlertNames() =>
        AlertLine().Matches(File.ReadAllText(AlertRules)).Select(match => match.Groups[1].Value).ToList();

    [GeneratedRegex(@"^\s*-\s*alert:\s*(\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex AlertLine();
}
