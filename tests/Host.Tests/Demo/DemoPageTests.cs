using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Liveness.Host.Tests.Demo;

/// <summary>The demo's files and key flag as the front serves them; the page itself runs in <see cref="BrowserDemoTests"/>.</summary>
[Collection(nameof(ServerCollection))]
public sealed class DemoPageTests(ServerFixture fixture)
{
    private HttpClient Client => fixture.Server.Client;

    [Theory]
    [InlineData("/demo/", "text/html")]
    [InlineData("/demo/index.html", "text/html")]
    [InlineData("/demo/demo.js", "text/javascript")]
    [InlineData("/demo/demo.css", "text/css")]
    public async Task The_front_serves_the_page_held_to_its_own_origin(string path, string contentType)
    {
        using var response = await Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("http", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("://", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bare_path_redirects_to_the_folder()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Client.BaseAddress };
        using var response = await client.GetAsync("/demo?auto=1");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/demo/?auto=1", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_unknown_file_is_the_contract_404()
    {
        using var response = await Client.GetAsync("/demo/appsettings.json");

        await response.AssertErrorAsync(404, 1200, "no endpoint");
    }

    [Fact]
    public async Task On_the_manual_key_the_page_is_told_so()
    {
        var flag = await Client.GetFromJsonAsync<JsonElement>("/demo/key.json");

        Assert.True(flag.GetProperty("manual_key").GetBoolean());
    }

    [Fact]
    public async Task On_its_own_key_the_server_says_only_that_it_is_not_the_manual_key()
    {
        const string key = "0123456789abcdef0123456789abcdef";
        await using var server = await LivenessServer.StartAsync(new Dictionary<string, string>
        {
            ["PARAM_DECRYPT_KEY"] = key,
            ["PARAM_DECRYPT_IV"] = "0123456789ab",
        });

        var body = await server.Client.GetStringAsync("/demo/key.json");

        Assert.Equal("""{"manual_key":false}""", body);
    }

    [Fact]
    public async Task A_front_on_every_interface_has_the_demo_only_when_asked()
    {
        var everywhere = new Dictionary<string, string> { ["Listeners:Front"] = "http://0.0.0.0:0" };
        await using var byDefault = await LivenessServer.StartAsync(everywhere);
        await using var asked = await LivenessServer.StartAsync(new Dictionary<string, string>(everywhere) { ["Demo:Enabled"] = "true" });

        using var byDefaultClient = ViaLoopback(byDefault);
        using var askedClient = ViaLoopback(asked);
        using var absent = await byDefaultClient.GetAsync("/demo/key.json");
        using var present = await askedClient.GetAsync("/demo/key.json");

        await absent.AssertErrorAsync(404, 1200, "no endpoint");
        Assert.Equal(HttpStatusCode.OK, present.StatusCode);
    }

    /// <summary>A client of a front bound to every interface, through its loopback one.</summary>
    private static HttpClient ViaLoopback(LivenessServer server) =>
        new() { BaseAddress = new UriBuilder(server.Client.BaseAddress!) { Host = "127.0.0.1" }.Uri };
}
