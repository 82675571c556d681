using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Liveness.Host.Tests.Metrics;

/// <summary>
/// Debian's Prometheus (installed by .ci/run) as a child process on a free loopback port, with a config and
/// storage of its own in a temp folder, and its HTTP API as the tests call it.
/// </summary>
internal sealed class PrometheusServer : IAsyncDisposable
{
    public const string Binary = "/usr/bin/prometheus";
    public const string Promtool = "/usr/bin/promtool";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly Process process;
    private readonly StringBuilder log = new();
    private readonly string folder;

    private PrometheusServer(Process process, string folder, Uri address)
    {
        this.process = process;
        this.folder = folder;
        Api = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        process.OutputDataReceived += (_, line) => Append(line.Data);
        process.ErrorDataReceived += (_, line) => Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public HttpClient Api { get; }

    /// <summary>What Prometheus has logged so far, for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    /// <summary>Fails, with the line that installs them, where Prometheus or promtool is missing: never a silent skip.</summary>
    public static void AssertInstalled()
    {
        foreach (var tool in new[] { Binary, Promtool })
        {
            Assert.True(File.Exists(tool), $"{tool} is missing: install Debian's Prometheus with `sudo apt-get install prometheus` (.ci/run does)");
        }
    }

    /// <summary>Starts Prometheus with <paramref name="config"/> (YAML) and waits until it is ready.</summary>
    public static async Task<PrometheusServer> StartAsync(string config)
    {
        AssertInstalled();
        var folder = Directory.CreateTempSubdirectory("liveness-prometheus-").FullName;
        var configFile = Path.Combine(folder, "prometheus.yml");
        await File.WriteAllTextAsync(configFile, config);
        var port = FreeLoopbackPort();
        var start = new ProcessStartInfo(Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList =
            {
                $"--config.file={configFile}",
                $"--storage.tsdb.path={Path.Combine(folder, "data")}",
                $"--web.listen-address=127.0.0.1:{port}",
                "--log.level=warn",
            },
        };
        var server = new PrometheusServer(Process.Start(start)!, folder, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await server.WaitUntilAsync("Prometheus to be ready", async () =>
            {
                using var ready = await server.Api.GetAsync("/-/ready");
                return ready.StatusCode == HttpStatusCode.OK;
            });
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>An instant query through <c>/api/v1/query</c>; the whole answer, errors included (<c>status</c>, <c>error</c>, <c>data</c>).</summary>
    public async Task<JsonElement> QueryAsync(string promql)
    {
        using var response = await Api.PostAsync("/api/v1/query", new FormUrlEncodedContent([new("query", promql)]));
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The samples of an instant vector query; fails on a query error or another result type.</summary>
    public async Task<IReadOnlyList<(JsonElement Labels, double Value)>> VectorAsync(string promql)
    {
        var answer = await QueryAsync(promql);
        Assert.True(answer.GetProperty("status").GetString() == "success", $"{promql}: {answer}");
        var data = answer.GetProperty("data");
        Assert.Equal("vector", data.GetProperty("resultType").GetString());
        return data.GetProperty("result").EnumerateArray().Select(Sample).ToList();
    }

    /// <summary>Waits until every target of <paramref name="job"/> has been scraped successfully, then for a scrape that began after <paramref name="moment"/>.</summary>
    public async Task WaitForScrapeAfterAsync(string job, DateTimeOffset moment)
    {
        var after = moment.ToUnixTimeMilliseconds() / 1000.0;
        await WaitUntilAsync($"a successful scrape of job {job} after {moment:O}", async () =>
        {
            // timestamp() of the selector itself: the time of the scrape, not of the query.
            var up = await VectorAsync($"up{{job=\"{job}\"}}");
            var scraped = await VectorAsync($"timestamp(up{{job=\"{job}\"}})");
            return up.Count > 0 && up.All(target => target.Value == 1) && scraped.All(scrape => scrape.Value > after);
        });
    }

    /// <summary>The rule groups from <c>/api/v1/rules</c>, once every rule in them has been evaluated at least once.</summary>
    public async Task<IReadOnlyList<JsonElement>> EvaluatedRulesAsync()
    {
        IReadOnlyList<JsonElement> rules = [];
        await WaitUntilAsync("every rule to be evaluated", async () =>
        {
            var answer = await Api.GetFromJsonAsync<JsonElement>("/api/v1/rules");
            rules = answer.GetProperty("data").GetProperty("groups").EnumerateArray()
                .SelectMany(group => group.GetProperty("rules").EnumerateArray()).ToList();
            return rules.Count > 0 && rules.All(rule => rule.GetProperty("health").GetString() != "unknown");
        });
        return rules;
    }

    /// <summary>Runs promtool in the repository root; its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> PromtoolAsync(params string[] arguments)
    {
        AssertInstalled();
        var start = new ProcessStartInfo(Promtool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = SharedFiles.RepositoryRoot(),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var promtool = Process.Start(start)!;
        var output = promtool.StandardOutput.ReadToEndAsync();
        var errors = promtool.StandardError.ReadToEndAsync();
        await promtool.WaitForExitAsync();
        return (promtool.ExitCode, await output + await errors);
    }

    private async Task WaitUntilAsync(string what, Func<Task<bool>> done)
    {
        var deadline = Stopwatch.StartNew();
        var lastError = "";
        while (deadline.Elapsed < Patience)
        {
            if (process.HasExited)
            {
                Assert.Fail($"Prometheus exited ({process.ExitCode}) while waiting for {what}:\n{Log}");
            }

            try
            {
                if (await done())
                {
                    return;
                }
            }
            catch (HttpRequestException e)
            {
                lastError = e.Message;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"Gave up waiting {Patience.TotalSeconds} s for {what}. {lastError}\nTargets: {await TargetsAsync()}\nPrometheus log:\n{Log}");
    }

    private async Task<string> TargetsAsync()
    {
        try
        {
            return await Api.GetStringAsync("/api/v1/targets");
        }
        catch (HttpRequestException e)
        {
            return e.Message;
        }
    }

    private static (JsonElement Labels, double Value) Sample(JsonElement sample)
    {
        // Prometheus writes sample values as strings, infinities as +Inf and -Inf.
        var value = sample.GetProperty("value")[1].GetString()! switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            var number => double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
        return (sample.GetProperty("metric"), value);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.AppendLine(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
