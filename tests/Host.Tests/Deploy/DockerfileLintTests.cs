using System.Text.RegularExpressions;

namespace Liveness.Host.Tests.Deploy;

/// <summary>
/// The rules <c>deploy/Dockerfile</c> keeps (hadolint's, where it has them): pinned base images, one apt layer per
/// stage that installs without recommends and cleans up, no secret in a layer, a non-root user, a health check on
/// the host's readiness, what the host needs at run time, and glibc's malloc arenas as every deployment sets them.
/// No container engine can build the image here.
/// </summary>
public sealed partial class DockerfileLintTests
{
    /// <summary>glibc's malloc arenas: a setting of the C library, not of the host.</summary>
    private const string MallocArenas = "MALLOC_ARENA_MAX";

    private readonly Dockerfile dockerfile = Dockerfile.Load();

    [Fact]
    public void Builds_with_the_sdk_and_runs_on_the_aspnet_runtime()
    {
        Assert.True(dockerfile.Stages.Count >= 2, "a multi-stage build");
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:", dockerfile.Stages[0].From, StringComparison.Ordinal);
        Assert.Contains(dockerfile.Stages[0].Arguments("RUN"), run => run.Contains("dotnet publish", StringComparison.Ordinal) && run.Contains("-c Release", StringComparison.Ordinal));
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:", dockerfile.Runtime.From, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_base_image_is_pinned_to_a_version()
    {
        foreach (var stage in dockerfile.Stages)
        {
            var image = stage.From.Split(' ')[0];
            Assert.True(PinnedImage().IsMatch(image), $"FROM {image}: pin a version tag (image:1.2.3-variant) or a digest, never latest or none");
        }
    }

    [Fact]
    public void Each_stage_installs_packages_in_one_apt_layer_without_recommends_and_cleans_up()
    {
        foreach (var stage in dockerfile.Stages)
        {
            var apt = stage.Arguments("RUN").Where(run => run.Contains("apt-get", StringComparison.Ordinal)).ToList();
            Assert.True(apt.Count <= 1, $"{stage.From}: one apt-get layer, not {apt.Count}");
            foreach (var run in apt)
            {
                Assert.Matches(@"^apt-get update &&", run);
                Assert.Contains("apt-get install -y --no-install-recommends ", run, StringComparison.Ordinal);
                Assert.EndsWith("&& rm -rf /var/lib/apt/lists/*", run, StringComparison.Ordinal);
                Assert.DoesNotContain("apt-get upgrade", run, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void The_runtime_has_what_the_host_loads_and_runs()
    {
        var packages = dockerfile.Runtime.Arguments("RUN").Single(run => run.Contains("apt-get install", StringComparison.Ordinal)).Split(' ');
        // OpenCvSharp's native library links GTK 3 (libgtk-3-0t64 on Ubuntu 24.04); the video stage runs FFmpeg.
        Assert.Contains(packages, package => package.StartsWith("libgtk-3-0", StringComparison.Ordinal));
        Assert.Contains("ffmpeg", packages);
    }

    [Fact]
    public void No_secret_is_set_in_a_layer()
    {
        foreach (var stage in dockerfile.Stages)
        {
            var names = stage.Environment().Keys.Concat(stage.Arguments("ARG").Select(argument => argument.Split('=')[0]));
            Assert.DoesNotContain(names, name => SecretName().IsMatch(name));
        }
    }

    [Fact]
    public void The_host_runs_as_a_user_that_is_not_root()
    {
        var user = dockerfile.Runtime.Arguments("USER").LastOrDefault();
        Assert.NotNull(user);
        Assert.True(int.TryParse(user.Split(':')[0], out var uid) && uid > 0, $"USER {user}: a numeric non-root uid, so that Kubernetes can check runAsNonRoot");
    }

    [Fact]
    public void The_health_check_asks_the_admin_listener_for_readiness()
    {
        var check = Assert.Single(dockerfile.Runtime.Arguments("HEALTHCHECK"));
        var url = new Uri(Url().Match(check).Value);
        Assert.Equal("/readyz", url.AbsolutePath);
        var admin = new Uri(dockerfile.Runtime.Environment()["Listeners__Admin"]);
        Assert.Equal(admin.Port, url.Port);
    }

    [Fact]
    public void The_image_sets_only_settings_the_host_reads()
    {
        var environment = dockerfile.Runtime.Environment()
            .Where(pair => pair.Key != MallocArenas).ToDictionary(pair => pair.Key, pair => pair.Value);
        Assert.All(environment.Keys, name => Assert.Null(HostSettings.Problem(HostSettings.KeyOf(name))));
        Assert.Empty(HostSettings.InvalidValues(environment.ToDictionary(pair => HostSettings.KeyOf(pair.Key), pair => pair.Value)));
    }

    [Fact]
    public void The_image_the_systemd_unit_and_the_benchmark_limit_the_malloc_arenas_alike()
    {
        // glibc reads it once, as the process starts: only the environment the host is started with can set it.
        Assert.Equal("2", dockerfile.Runtime.Environment().GetValueOrDefault(MallocArenas));
        Assert.Contains($"Environment={MallocArenas}=2", File.ReadAllLines(DeployFiles.Path("liveness.service")));
        var benchmark = File.ReadAllText(Path.Combine(SharedFiles.RepositoryRoot(), "bench", "run.sh"));
        Assert.Contains($"export {MallocArenas}=${{{MallocArenas}:-2}}", benchmark, StringComparison.Ordinal);
    }

    [Fact]
    public void The_linter_catches_what_it_is_for()
    {
        var bad = Dockerfile.Parse(
        [
            "FROM mcr.microsoft.com/dotnet/aspnet:latest",
            "ENV PARAM_DECRYPT_KEY=0123",
            "RUN apt-get update && apt-get install -y ffmpeg",
            "RUN apt-get install -y curl",
        ]);
        var stage = bad.Runtime;
        Assert.DoesNotMatch(PinnedImage(), stage.From);
        Assert.Contains(stage.Environment().Keys, name => SecretName().IsMatch(name));
        Assert.Equal(2, stage.Arguments("RUN").Count(run => run.Contains("apt-get", StringComparison.Ordinal)));
        Assert.Empty(stage.Arguments("USER"));
    }

    [GeneratedRegex(@"^[\w.\-/]+(:\d+(\.\d+)+[\w.\-]*(@sha256:[0-9a-f]{64})?|@sha256:[0-9a-f]{64})$")]
    private static partial Regex PinnedImage();

    [GeneratedRegex("(?i)(key|secret|password|token|_iv$)")]
    private static partial Regex SecretName();

    [GeneratedRegex(@"https?://[^\s""']+")]
    private static partial Regex Url();
}
