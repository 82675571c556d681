using System.Diagnostics;
using FrontApp = Liveness.Host.FrontApp;

namespace Liveness.Host.Tests.Deploy;

/// <summary><c>deploy/compose.yaml</c> and the Prometheus it runs (<c>deploy/prometheus.yml</c>), checked against the host and <c>grafana/</c>.</summary>
public sealed class ComposeStackTests
{
    private readonly object compose = DeployFiles.LoadYaml(DeployFiles.Path("compose.yaml"));

    private readonly object prometheus = DeployFiles.LoadYaml(DeployFiles.Path("prometheus.yml"));

    private IDictionary<object, object> Services => compose.Map("services");

    private object Pipeline => Services["pipeline"];

    private object Front => Services["front"];

    [Fact]
    public void Every_setting_of_the_nodes_is_one_the_host_reads_with_a_valid_value()
    {
        foreach (var service in new[] { Pipeline, Front })
        {
            var settings = Settings(service);
            Assert.All(settings.Own, key => Assert.True(HostSettings.Problem(key) is null, HostSettings.Problem(key)));
            Assert.Empty(HostSettings.InvalidValues(settings.All));
        }
    }

    [Fact]
    public void Keys_come_from_the_environment_and_are_never_written_here()
    {
        var environment = Pipeline.Map("environment");
        foreach (var name in new[] { "PARAM_DECRYPT_KEY", "PARAM_DECRYPT_IV", "Admin__Key" })
        {
            Assert.StartsWith("${", (string)environment[name], StringComparison.Ordinal);
        }

        Assert.DoesNotContain(Front.Map("environment").Keys.Cast<string>(), name => name.StartsWith("PARAM_", StringComparison.Ordinal));
    }

    [Fact]
    public void Ports_and_health_checks_are_the_listeners_the_nodes_open()
    {
        foreach (var service in new[] { Pipeline, Front })
        {
            var settings = Settings(service);
            var published = service.Items("ports").Cast<string>().Select(port => port.Split(':')[^1]);
            Assert.All(service.Items("expose").Cast<string>().Concat(published), port => Assert.Contains(int.Parse(port), settings.ListeningPorts));
            var check = new Uri(service.Map("healthcheck").Items("test").Cast<string>().Single(part => part.StartsWith("http", StringComparison.Ordinal)));
            Assert.Equal("/readyz", check.AbsolutePath);
            Assert.Equal(settings.AdminPort, check.Port);
        }

        Assert.Equal("service_healthy", Front.Map("depends_on").Map("pipeline").Text("condition"));
    }

    [Fact]
    public void The_front_expands_one_destination_to_every_pipeline_replica()
    {
        var front = Settings(Front);
        Assert.Equal("true", front["Front:ResolveDestinationsByDns"]);
        var address = new Uri(front.All.Single(pair => pair.Key.StartsWith($"ReverseProxy:Clusters:{FrontApp.ClusterId}:Destinations:", StringComparison.Ordinal)).Value);
        Assert.Equal("pipeline", address.Host);
        Assert.Equal(Settings(Pipeline).PipelinePort, address.Port);
        Assert.True(int.Parse(Pipeline.Map("deploy").Text("replicas")) >= 2, "two pipeline nodes");
    }

    [Fact]
    public void Sizes_follow_the_benchmarks_and_the_front_caps_what_reaches_a_node()
    {
        var deploy = Pipeline.Map("deploy");
        Assert.Equal($"{BenchmarkFigures.Cores}", deploy.Map("resources").Map("limits").Text("cpus"));
        var reserved = MiB(deploy.Map("resources").Map("reservations").Text("memory"));
        Assert.True(reserved >= BenchmarkFigures.PeakMiB, $"{reserved} MiB reserved, the benchmarks' peak is {BenchmarkFigures.PeakMiB} MiB");
        Assert.True(MiB(deploy.Map("resources").Map("limits").Text("memory")) >= reserved);
        var inFlight = int.Parse(Settings(Front)["Front:MaxConcurrentRequests"]!) / int.Parse(deploy.Text("replicas"));
        Assert.True(inFlight <= BenchmarkFigures.MostClients, $"{inFlight} requests in flight per node");
    }

    [Fact]
    public void Nodes_run_on_a_read_only_root_with_uploads_in_a_tmpfs()
    {
        foreach (var service in new[] { Pipeline, Front })
        {
            Assert.Equal("true", service.Text("read_only"));
            var temp = Settings(service)["Video:TempDirectory"];
            Assert.Contains(service.Items("tmpfs").Cast<string>(), mount => mount.Split(':')[0] == temp);
        }
    }

    [Fact]
    public void Prometheus_scrapes_every_node_on_its_admin_listener_under_the_alerts_job_name()
    {
        var grafana = DeployFiles.LoadYaml(Path.Combine(SharedFiles.RepositoryRoot(), "grafana", "prometheus.yml"));
        var job = prometheus.Items("scrape_configs").Single();
        Assert.Equal(grafana.Items("scrape_configs").Single().Text("job_name"), job.Text("job_name"));
        Assert.Equal($"front:{Settings(Front).AdminPort}", job.Items("static_configs").Single().Items("targets").Cast<string>().Single());
        var nodes = job.Items("dns_sd_configs").Single();
        Assert.Equal("pipeline", nodes.Items("names").Cast<string>().Single());
        Assert.Equal($"{Settings(Pipeline).AdminPort}", nodes.Text("port"));

        var mounts = Services["prometheus"].Items("volumes").Cast<string>().ToList();
        Assert.Contains("./prometheus.yml:/etc/prometheus/prometheus.yml:ro", mounts);
        Assert.Equal(prometheus.Items("rule_files").Cast<string>().Select(file => $"../grafana/{file}:/etc/prometheus/{file}:ro"),
            mounts.Where(mount => mount.StartsWith("../grafana/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Promtool_accepts_the_prometheus_config_with_grafanas_rules()
    {
        var folder = Directory.CreateTempSubdirectory("liveness-promtool-").FullName;
        try
        {
            File.Copy(DeployFiles.Path("prometheus.yml"), Path.Combine(folder, "prometheus.yml"));
            File.Copy(Path.Combine(SharedFiles.RepositoryRoot(), "grafana", "alerts.yml"), Path.Combine(folder, "alerts.yml"));
            using var promtool = Process.Start(new ProcessStartInfo("promtool", ["check", "config", Path.Combine(folder, "prometheus.yml")])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = promtool.StandardOutput.ReadToEndAsync();
            var errors = await promtool.StandardError.ReadToEndAsync();
            await promtool.WaitForExitAsync();
            Assert.True(promtool.ExitCode == 0, await output + errors);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Grafana_is_provisioned_from_grafana_and_reaches_prometheus_where_the_data_source_says()
    {
        var grafana = Services["grafana"];
        Assert.Equal("service:prometheus", grafana.Text("network_mode"));
        var source = DeployFiles.LoadYaml(Path.Combine(SharedFiles.RepositoryRoot(), "grafana", "provisioning", "datasources", "prometheus.yml"));
        Assert.Equal("127.0.0.1:9090", new Uri(source.Items("datasources").Single().Text("url")).Authority);
        var provider = DeployFiles.LoadYaml(Path.Combine(SharedFiles.RepositoryRoot(), "grafana", "provisioning", "dashboards", "liveness.yml"));
        var mounts = grafana.Items("volumes").Cast<string>().ToList();
        Assert.Contains("../grafana/provisioning:/etc/grafana/provisioning:ro", mounts);
        Assert.Contains($"../grafana/dashboards:{provider.Items("providers").Single().Map("options").Text("path")}:ro", mounts);
    }

    private static ContainerSettings Settings(object service) =>
        new(service.Map("environment").ToDictionary(
            pair => (string)pair.Key,
            pair => ((string)pair.Value).StartsWith("${", StringComparison.Ordinal) ? HostSettings.SecretPlaceholder : (string)pair.Value));

    private static int MiB(string quantity) =>
        quantity.EndsWith('G') ? int.Parse(quantity[..^1]) * 1024
        : quantity.EndsWith('M') ? int.Parse(quantity[..^1])
        : throw new FormatException($"write memory as M or G: {quantity}");
}
