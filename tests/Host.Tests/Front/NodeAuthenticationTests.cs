using System.Net;
using System.Net.Sockets;
using Liveness.Host.Api;
using Microsoft.Extensions.Options;

namespace Liveness.Host.Tests.Front;

/// <summary>The in-process hop is a private socket; a pipeline node serves its front only, and believes only its front.</summary>
[Collection(nameof(ServerCollection))]
public sealed class InProcessPipelineTests(ServerFixture fixture)
{
    private const string SpoofedId = "0123456789abcdef0123456789abcdef";

    [Fact]
    public void The_in_process_pipeline_listens_on_a_0600_socket_in_a_0700_folder_not_on_tcp()
    {
        var socket = fixture.Server.Host.PipelineSocket!;

        Assert.StartsWith("http://unix:", fixture.Server.Host.Pipeline!.Address(), StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(socket));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(socket)!));
    }

    [Fact]
    public async Task A_process_that_reaches_the_socket_without_the_secret_is_refused_and_its_request_id_replaced()
    {
        using var stranger = UnixClient(fixture.Server.Host.PipelineSocket!);
        using var request = new HttpRequestMessage(HttpMethod.Post, ContractClient.Route)
        {
            Content = new FormUrlEncodedContent([new("encrypted_video", ContractClient.Encrypt("x"u8.ToArray()))]),
        };
        request.Headers.Add("X-Request-Id", SpoofedId);

        using var response = await stranger.SendAsync(request);

        await response.AssertErrorAsync(403, 1200, "serves its front only");
        Assert.NotEqual(SpoofedId, response.Headers.GetValues("X-Request-Id").Single());
    }

    [Fact]
    public async Task A_spoofed_request_id_and_node_secret_sent_to_the_front_do_not_reach_the_node()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ContractClient.Route)
        {
            Content = new FormUrlEncodedContent([new("encrypted_video", "")]),
        };
        request.Headers.Add("X-Request-Id", SpoofedId);
        request.Headers.Add(FrontAuthentication.Header, "guessed");

        using var response = await fixture.Server.Client.SendAsync(request);

        await response.AssertErrorAsync(400, 1200, "encrypted_video is required");
        Assert.NotEqual(SpoofedId, response.Headers.GetValues("X-Request-Id").Single());
    }

    [Fact]
    public async Task The_front_s_request_id_is_kept_by_the_node_that_knows_the_secret()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ContractClient.Route)
        {
            Content = new FormUrlEncodedContent([new("encrypted_video", "")]),
        };
        request.Headers.Add("X-Request-Id", SpoofedId);

        using var response = await fixture.Server.PipelineClient.SendAsync(request);

        Assert.Equal(SpoofedId, response.Headers.GetValues("X-Request-Id").Single());
    }

    internal static HttpClient UnixClient(string socket) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (_, cancellationToken) =>
        {
            var unix = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await unix.ConnectAsync(new UnixDomainSocketEndPoint(socket), cancellationToken);
            return new NetworkStream(unix, ownsSocket: true);
        },
    })
    { BaseAddress = new Uri("http://in-process-pipeline/") };
}

/// <summary>A pipeline node in a process of its own, on TCP, as a scaled-out cluster runs it.</summary>
public sealed class RemoteNodeTests : IClassFixture<RemoteNodeTests.Node>
{
    private readonly Node node;

    public RemoteNodeTests(Node node) => this.node = node;

    [Theory]
    [InlineData(null)]
    [InlineData("wrong")]
    [InlineData(PipelineNodeProcess.Secret + "x")]
    public async Task A_direct_request_without_the_right_secret_is_refused_and_its_request_id_replaced(string? secret)
    {
        using var client = new HttpClient { BaseAddress = new Uri(node.Process.Address) };
        using var request = new HttpRequestMessage(HttpMethod.Post, ContractClient.Route)
        {
            Content = new FormUrlEncodedContent([new("encrypted_video", "")]),
        };
        request.Headers.Add("X-Request-Id", "0123456789abcdef0123456789abcdef");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        if (secret is not null)
        {
            request.Headers.Add(FrontAuthentication.Header, secret);
        }

        using var response = await client.SendAsync(request);

        await response.AssertErrorAsync(403, 1200, "serves its front only");
        Assert.NotEqual("0123456789abcdef0123456789abcdef", response.Headers.GetValues("X-Request-Id").Single());
    }

    [Fact]
    public async Task With_the_secret_the_node_keeps_its_own_limits_a_chunked_body_gets_411()
    {
        var answer = await RawHttp.SendAsync(new Uri(node.Process.Address), "POST", ContractClient.Route,
            ["Content-Type: application/x-www-form-urlencoded", "Transfer-Encoding: chunked", $"{FrontAuthentication.Header}: {PipelineNodeProcess.Secret}"],
            RawHttp.EmptyChunkedBody);

        Assert.StartsWith("HTTP/1.1 411", answer, StringComparison.Ordinal);
        Assert.Contains("\"code\":1200", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_probes_need_no_secret()
    {
        using var client = new HttpClient { BaseAddress = new Uri(node.Process.Address) };

        using var ready = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Theory]
    [InlineData("http://127.0.0.1:0", "")]
    [InlineData("http://127.0.0.1:0", "too-short")]
    [InlineData("", "")]
    public void A_pipeline_and_front_in_different_processes_without_a_node_secret_do_not_start(string pipeline, string secret)
    {
        var error = Assert.Throws<OptionsValidationException>(() => LivenessHost.Create(
            [$"--Listeners:Pipeline={pipeline}", $"--Listeners:NodeSecret={secret}", "--Listeners:Admin="]));

        Assert.Contains("Listeners:NodeSecret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_with_a_front_and_a_tcp_pipeline_serves_its_own_front()
    {
        await using var server = await LivenessServer.StartAsync(new Dictionary<string, string>
        {
            ["Listeners:Pipeline"] = "http://0.0.0.0:0",
            ["Listeners:NodeSecret"] = PipelineNodeProcess.Secret,
        });

        using var response = await server.Client.PostVideoAsync(File.ReadAllBytes(SharedFiles.Video("debian_kphotoalbum_movie.avi")));
        var body = await response.ReadContractJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1000, body.GetProperty("code").GetInt32());
    }

    public sealed class Node : IAsyncLifetime
    {
        private readonly string work = Directory.CreateTempSubdirectory("liveness-node-").FullName;

        internal PipelineNodeProcess Process { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Process = new PipelineNodeProcess(work);
            await Process.StartAsync();
        }

        public Task DisposeAsync()
        {
            Process.Dispose();
            Directory.Delete(work, recursive: true);
            return Task.CompletedTask;
        }
    }
}
