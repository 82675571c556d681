using System.Text.Json;
using FrontApp = Liveness.Host.FrontApp;

namespace Liveness.Host.Tests.Deploy;

/// <summary>
/// <c>deploy/kubernetes/</c>, read as the kustomization lists it and checked against the host: the settings the pods
/// get, the ports they open, the probes, the Services, the sizes from the benchmarks and the alert rules.
/// </summary>
public sealed class KubernetesManifestTests
{
    private static readonly string Folder = DeployFiles.Path("kubernetes");

    private readonly object kustomization = DeployFiles.LoadYaml(Path.Combine(Folder, "kustomization.yaml"));

    private readonly List<object> resources;

    public KubernetesManifestTests() =>
        resources = kustomization.Items("resources").Select(file => DeployFiles.LoadYaml(Path.Combine(Folder, (string)file))).ToList();

    private string SettingsFile => Path.Combine(Folder, (string)kustomization.Items("configMapGenerator").Single().Items("files").Single());

    private string SecretsExample => Path.Combine(Folder, (string)kustomization.Items("secretGenerator").Single().Items("envs").Single() + ".example");

    private object Pipeline => Deployment("liveness-pipeline");

    private object Front => Deployment("liveness-front");

    [Fact]
    public void The_kustomization_lists_every_manifest_and_each_has_a_kind_and_a_name()
    {
        var listed = kustomization.Items("resources").Cast<string>().Order().ToList();
        var present = Directory.GetFiles(Folder, "*.yaml").Select(file => Path.GetFileName(file)).Where(file => file != "kustomization.yaml").Order().ToList();
        Assert.Equal(present, listed);
        Assert.All(resources, resource =>
        {
            Assert.NotNull(resource.TextOrNull("apiVersion"));
            Assert.NotNull(resource.TextOrNull("kind"));
            Assert.NotNull(resource.Map("metadata").TextOrNull("name"));
        });
        Assert.True(File.Exists(SettingsFile));
        Assert.True(File.Exists(SecretsExample), "the secret's keys are shown in an example file; the real one is never committed");
    }

    [Fact]
    public void Every_setting_the_pods_get_is_one_the_host_reads_with_a_valid_value()
    {
        var secretKeys = SecretKeys();
        Assert.Contains("PARAM_DECRYPT_KEY", secretKeys);
        Assert.Contains("PARAM_DECRYPT_IV", secretKeys);
        foreach (var (deployment, container) in Containers())
        {
            var settings = Settings(container);
            var envFrom = container.Items("envFrom").Select(source => source.Map("secretRef").Text("name")).ToList();
            Assert.All(envFrom, name => Assert.Equal(kustomization.Items("secretGenerator").Single().Text("name"), name));
            var keys = settings.Own.Concat(envFrom.Count > 0 ? secretKeys.Select(HostSettings.KeyOf) : []);
            Assert.All(keys, key => Assert.True(HostSettings.Problem(key) is null, $"{deployment}: {HostSettings.Problem(key)}"));
            Assert.Empty(HostSettings.InvalidValues(settings.All));
        }
    }

    [Fact]
    public void Only_the_pipeline_nodes_hold_the_keys_and_none_is_written_in_a_manifest()
    {
        Assert.NotEmpty(Container(Pipeline).Items("envFrom"));
        Assert.Empty(Container(Front).Items("envFrom"));
        foreach (var (_, container) in Containers())
        {
            // A secret's value only ever comes from the Secret, never written here.
            Assert.All(container.Items("env").Where(variable => SecretKeys().Contains(variable.Text("name"))),
                variable => Assert.Null(variable.TextOrNull("value")));
        }

        // The front holds no decryption key: only the node secret it proves itself with.
        var frontSecrets = Container(Front).Items("env").Where(variable => variable.MapOrNull("valueFrom") is not null)
            .Select(variable => variable.Map("valueFrom").Map("secretKeyRef").Text("key")).ToList();
        Assert.Equal(["Listeners__NodeSecret"], frontSecrets);

        Assert.All(File.ReadAllLines(SecretsExample).Where(line => line.Contains('=', StringComparison.Ordinal) && !line.StartsWith('#')),
            line => Assert.EndsWith("=", line, StringComparison.Ordinal));
    }

    [Fact]
    public void Ports_probes_and_scrape_annotations_are_the_listeners_the_pods_open()
    {
        foreach (var (deployment, container) in Containers())
        {
            var settings = Settings(container);
            var ports = NamedPorts(container);
            Assert.All(ports.Values, port => Assert.Contains(port, settings.ListeningPorts));
            foreach (var (probe, path) in new[] { ("readinessProbe", "/readyz"), ("livenessProbe", "/healthz"), ("startupProbe", "/readyz") })
            {
                if (container.MapOrNull(probe) is not { } found)
                {
                    Assert.NotEqual("livenessProbe", probe);
                    Assert.NotEqual("readinessProbe", probe);
                    continue;
                }

                var get = found.Map("httpGet");
                Assert.Equal(path, get.Text("path"));
                Assert.True(settings.AdminPort == Resolve(get.Text("port"), ports), $"{deployment} {probe}: the admin listener serves it");
            }

            var annotations = deployment.Map("spec").Map("template").Map("metadata").Map("annotations");
            Assert.Equal("true", annotations.Text("prometheus.io/scrape"));
            Assert.Equal($"{settings.AdminPort}", annotations.Text("prometheus.io/port"));
            Assert.Equal("/metrics", annotations.Text("prometheus.io/path"));
        }
    }

    [Fact]
    public void Each_service_reaches_a_port_its_pods_open()
    {
        foreach (var service in OfKind("Service"))
        {
            var selector = service.Map("spec").Map("selector");
            var pods = OfKind("Deployment").Where(deployment => Matches(selector, deployment.Map("spec").Map("template").Map("metadata").Map("labels"))).ToList();
            var pod = Assert.Single(pods);
            var ports = NamedPorts(Container(pod));
            Assert.All(service.Map("spec").Items("ports"), port => Assert.Contains(Resolve(port.Text("targetPort"), ports), ports.Values));
        }
    }

    [Fact]
    public void The_fronts_expand_one_destination_to_every_pipeline_node_through_the_headless_service()
    {
        var front = Settings(Container(Front));
        Assert.Equal("true", front["Front:ResolveDestinationsByDns"], ignoreCase: true);
        Assert.Equal("", front.Listeners.Pipeline);
        var destinations = front.All.Where(pair => pair.Key.StartsWith($"ReverseProxy:Clusters:{FrontApp.ClusterId}:Destinations:", StringComparison.Ordinal)
            && pair.Key.EndsWith(":Address", StringComparison.Ordinal)).ToList();
        var address = new Uri(Assert.Single(destinations).Value);

        var service = OfKind("Service").Single(candidate => candidate.Map("metadata").Text("name") == address.Host);
        Assert.Equal("None", service.Map("spec").Text("clusterIP"));
        Assert.Equal("false", service.Map("spec").Text("publishNotReadyAddresses"));
        Assert.True(Matches(service.Map("spec").Map("selector"), Pipeline.Map("spec").Map("template").Map("metadata").Map("labels")));
        var port = service.Map("spec").Items("ports").Single(candidate => candidate.Text("port") == $"{address.Port}");
        var pipeline = Container(Pipeline);
        Assert.Equal(Settings(pipeline).PipelinePort, Resolve(port.Text("targetPort"), NamedPorts(pipeline)));
    }

    [Fact]
    public void Pipeline_sizes_follow_the_benchmarks_and_the_fronts_cap_what_reaches_a_node()
    {
        var resources = Container(Pipeline).Map("resources");
        Assert.Equal($"{BenchmarkFigures.Cores}", resources.Map("requests").Text("cpu"));
        Assert.Equal($"{BenchmarkFigures.Cores}", resources.Map("limits").Text("cpu"));
        var request = MiB(resources.Map("requests").Text("memory"));
        Assert.True(request >= BenchmarkFigures.PeakMiB, $"the memory request ({request} MiB) covers the benchmarks' peak with {BenchmarkFigures.MostClients} in flight ({BenchmarkFigures.PeakMiB} MiB)");
        Assert.True(MiB(resources.Map("limits").Text("memory")) >= request);

        // With the fewest nodes, every front's full share of requests must stay within what the peak was measured at.
        var autoscaler = OfKind("HorizontalPodAutoscaler").Single();
        var fronts = int.Parse(Front.Map("spec").Text("replicas"));
        var inFlight = fronts * int.Parse(Settings(Container(Front))["Front:MaxConcurrentRequests"]!) / int.Parse(autoscaler.Map("spec").Text("minReplicas"));
        Assert.True(inFlight <= BenchmarkFigures.MostClients, $"{inFlight} requests in flight per node at minReplicas");
    }

    [Fact]
    public void The_autoscaler_and_the_disruption_budgets_act_on_the_deployments()
    {
        var target = OfKind("HorizontalPodAutoscaler").Single().Map("spec");
        Assert.Equal("liveness-pipeline", target.Map("scaleTargetRef").Text("name"));
        Assert.Equal("cpu", target.Items("metrics").Single().Map("resource").Text("name"));
        Assert.Equal(Pipeline.Map("spec").Text("replicas"), target.Text("minReplicas"));
        var budgets = OfKind("PodDisruptionBudget").ToList();
        foreach (var deployment in new[] { Pipeline, Front })
        {
            Assert.Contains(budgets, budget => Matches(budget.Map("spec").Map("selector").Map("matchLabels"), deployment.Map("spec").Map("template").Map("metadata").Map("labels")));
        }
    }

    [Fact]
    public void Pods_run_as_non_root_on_a_read_only_root_with_uploads_in_a_memory_tmpfs()
    {
        foreach (var (deployment, container) in Containers())
        {
            var pod = deployment.Map("spec").Map("template").Map("spec");
            Assert.Equal("true", pod.Map("securityContext").Text("runAsNonRoot"));
            Assert.Equal(Dockerfile.Load().Runtime.Arguments("USER").Last(), pod.Map("securityContext").Text("runAsUser"));
            Assert.Equal("true", container.Map("securityContext").Text("readOnlyRootFilesystem"));
            var temp = Settings(container)["Video:TempDirectory"];
            var mount = container.Items("volumeMounts").Single(candidate => candidate.Text("mountPath") == temp);
            var volume = pod.Items("volumes").Single(candidate => candidate.Text("name") == mount.Text("name"));
            Assert.Equal("Memory", volume.Map("emptyDir").Text("medium"));
        }
    }

    [Fact]
    public void The_PrometheusRule_has_exactly_the_alert_rules_of_grafana()
    {
        var rule = OfKind("PrometheusRule").Single();
        var grafana = DeployFiles.LoadYaml(Path.Combine(SharedFiles.RepositoryRoot(), "grafana", "alerts.yml"));
        Assert.Equal(JsonSerializer.Serialize(grafana.Items("groups")), JsonSerializer.Serialize(rule.Map("spec").Items("groups")));
    }

    private object Deployment(string name) => OfKind("Deployment").Single(deployment => deployment.Map("metadata").Text("name") == name);

    private IEnumerable<object> OfKind(string kind) => resources.Where(resource => resource.Text("kind") == kind);

    private IEnumerable<(object Deployment, object Container)> Containers() =>
        OfKind("Deployment").Select(deployment => (deployment, Container(deployment)));

    private static object Container(object deployment) => deployment.Map("spec").Map("template").Map("spec").Items("containers").Single();

    /// <summary>A container's settings; what it takes from the Secret (env valueFrom, envFrom) as <see cref="HostSettings.SecretPlaceholder"/>.</summary>
    private ContainerSettings Settings(object container) => new(
        container.Items("env")
            .Select(variable => KeyValuePair.Create(variable.Text("name"),
                variable.TextOrNull("value") ?? (variable.MapOrNull("valueFrom") is null ? "" : HostSettings.SecretPlaceholder)))
            .Concat(container.Items("envFrom").Any() ? SecretKeys().Select(key => KeyValuePair.Create(key, HostSettings.SecretPlaceholder)) : [])
            .ToDictionary(pair => pair.Key, pair => pair.Value),
        container.Items("volumeMounts").Any(mount => mount.Text("mountPath") == $"/app/{Path.GetFileName(SettingsFile)}") ? SettingsFile : null);

    private List<string> SecretKeys() => File.ReadAllLines(SecretsExample)
        .Where(line => line.Contains('=', StringComparison.Ordinal) && !line.StartsWith('#')).Select(line => line.Split('=')[0]).ToList();

    private static Dictionary<string, int> NamedPorts(object container) =>
        container.Items("ports").ToDictionary(port => port.Text("name"), port => int.Parse(port.Text("containerPort")));

    private static int Resolve(string port, Dictionary<string, int> named) => int.TryParse(port, out var number) ? number : named[port];

    private static bool Matches(IDictionary<object, object> selector, IDictionary<object, object> labels) =>
        selector.All(pair => labels.TryGetValue(pair.Key, out var value) && Equals(value, pair.Value));

    private static int MiB(string quantity) =>
        quantity.EndsWith("Gi", StringComparison.Ordinal) ? int.Parse(quantity[..^2]) * 1024
        : quantity.EndsWith("Mi", StringComparison.Ordinal) ? int.Parse(quantity[..^2])
        : throw new FormatException($"write memory as Mi or Gi: {quantity}");
}
