using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Liveness.Host.Tests.Admin;

/// <summary>The OpenAPI document on the admin listener: committed as docs/openapi.json, and true to what the host really answers.</summary>
[Collection(nameof(ServerCollection))]
public sealed class OpenApiDocumentTests(ServerFixture fixture)
{
    private const string DocumentPath = "/openapi/v1.json";

    private static readonly string[] BodyTypes = ["application/x-www-form-urlencoded", "multipart/form-data", "application/json"];

    [Fact]
    public async Task The_served_document_is_the_committed_one()
    {
        var served = await fixture.Server.AdminClient.GetStringAsync(DocumentPath);
        var committedPath = Path.Combine(SharedFiles.RepositoryRoot(), "docs", "openapi.json");
        var committed = File.Exists(committedPath) ? await File.ReadAllTextAsync(committedPath) : "";

        if (Normalize(served) != Normalize(committed))
        {
            var fresh = Path.Combine(Path.GetTempPath(), "openapi.json");
            await File.WriteAllTextAsync(fresh, served);
            Assert.Fail($"docs/openapi.json differs from the document the host serves; if the change is meant: cp {fresh} {committedPath}");
        }
    }

    [Fact]
    public async Task The_contract_endpoint_takes_all_three_bodies_with_every_field()
    {
        var document = await DocumentAsync();
        var operation = ContractOperation(document);

        Assert.StartsWith("3.1", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var content = operation.GetProperty("requestBody").GetProperty("content");
        Assert.Equal(BodyTypes, content.EnumerateObject().Select(type => type.Name));
        foreach (var type in BodyTypes)
        {
            var fields = Schema(document, content.GetProperty(type).GetProperty("schema")).GetProperty("properties");
            Assert.Equal(["encrypted_video", "return_image", "return_face_image", "return_status", "return_details"], fields.EnumerateObject().Select(field => field.Name));
            Assert.True(content.GetProperty(type).GetProperty("examples").EnumerateObject().Any());
        }

        Assert.Equal("http://127.0.0.1:8080", document.GetProperty("paths").GetProperty(ContractClient.Route).GetProperty("servers")[0].GetProperty("url").GetString());
    }

    [Fact]
    public async Task Every_code_and_status_of_the_contract_has_an_example()
    {
        var responses = ContractOperation(await DocumentAsync()).GetProperty("responses");

        Assert.Equal(["200", "400", "411", "413", "429", "500", "503"], responses.EnumerateObject().Select(response => response.Name).Order());
        var examples = responses.EnumerateObject()
            .SelectMany(response => response.Value.GetProperty("content").GetProperty("application/json").GetProperty("examples").EnumerateObject())
            .Select(example => example.Value.GetProperty("value"))
            .ToList();
        Assert.Equal([1000, 1200, 2008, 4007], examples.Select(example => example.GetProperty("code").GetInt32()).Distinct().Order());
        Assert.Equal(["hack", "ok", "short_time"], examples.Where(example => example.TryGetProperty("liveness_status", out _))
            .Select(example => example.GetProperty("liveness_status").GetString()).Order());
        Assert.True(responses.GetProperty("429").GetProperty("headers").TryGetProperty("Retry-After", out _));
    }

    /// <summary>The schemas against real answers: every field the host sends is described, every required one is sent.</summary>
    [Fact]
    public async Task The_answer_schemas_match_what_the_host_really_answers()
    {
        var document = await DocumentAsync();
        var responses = ContractOperation(document).GetProperty("responses");
        using var passed = await fixture.Server.Client.PostVideoAsync(
            File.ReadAllBytes(SharedFiles.Video(TestVideos.LiveSource)), returnImage: true, returnFaceImage: true, returnStatus: true);
        using var failed = await fixture.Server.Client.PostFormAsync([new("encrypted_video", "")]);

        var answer = await passed.ReadContractJsonAsync();

        Assert.True(answer.GetProperty("passed").GetBoolean());
        AssertFits(Schema(document, responses.GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema")), answer);
        AssertFits(Schema(document, responses.GetProperty("400").GetProperty("content").GetProperty("application/json").GetProperty("schema")),
            await failed.ReadContractJsonAsync());
    }

    [Fact]
    public async Task The_admin_answer_schema_matches_the_real_one()
    {
        var document = await DocumentAsync();
        var schema = Schema(document, document.GetProperty("paths").GetProperty("/admin/backends").GetProperty("get")
            .GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema"));

        var backends = await fixture.Server.AdminClient.GetFromJsonAsync<JsonElement>("/admin/backends");

        AssertFits(schema, backends);
        Assert.Equal(["adminKey"], document.GetProperty("paths").GetProperty("/admin/backends/reload").GetProperty("post")
            .GetProperty("security")[0].EnumerateObject().Select(scheme => scheme.Name));
    }

    /// <summary>The request example is the manual's test vector: it decrypts with the default key, and is no video.</summary>
    [Fact]
    public async Task The_request_example_is_answered_as_its_summary_says()
    {
        var example = ContractOperation(await DocumentAsync()).GetProperty("requestBody").GetProperty("content")
            .GetProperty("application/json").GetProperty("examples").GetProperty("test_vector").GetProperty("value");

        using var response = await fixture.Server.Client.PostAsync(
            ContractClient.Route, new StringContent(example.GetRawText(), System.Text.Encoding.UTF8, "application/json"));

        await response.AssertErrorAsync(400, 2008, "invalid video error");
    }

    [Fact]
    public async Task The_admin_listener_describes_the_contract_endpoint_but_does_not_serve_it()
    {
        using var response = await fixture.Server.AdminClient.PostFormAsync([new("encrypted_video", "7EWZ/NONkYfOjH/m+K3KKsDO4CZ/")]);

        await response.AssertErrorAsync(404, 1200, "there is no endpoint");
    }

    private async Task<JsonElement> DocumentAsync()
    {
        using var response = await fixture.Server.AdminClient.GetAsync(DocumentPath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static JsonElement ContractOperation(JsonElement document) =>
        document.GetProperty("paths").GetProperty(ContractClient.Route).GetProperty("post");

    /// <summary>The schema itself, following a <c>$ref</c> into the components.</summary>
    private static JsonElement Schema(JsonElement document, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
            : schema;

    private static void AssertFits(JsonElement schema, JsonElement body)
    {
        var properties = schema.GetProperty("properties").EnumerateObject().Select(property => property.Name).ToHashSet();
        var sent = body.EnumerateObject().Select(property => property.Name).ToList();
        Assert.All(sent, name => Assert.Contains(name, properties));
        Assert.All(schema.GetProperty("required").EnumerateArray(), required => Assert.Contains(required.GetString(), sent));
    }

    private static string Normalize(string text) => text.ReplaceLineEndings("\n").TrimEnd();
}
