using System.Net.Http.Headers;
using System.Text;

namespace Liveness.Host.Tests.Api;

/// <summary>Bytes a client chose, in each of the three body encodings: every malformed one is 1200, never a 500 or 4007.</summary>
[Collection(nameof(ServerCollection))]
public sealed class MalformedBodyTests(ServerFixture fixture)
{
    private const string Json = "application/json";
    private const string Form = "application/x-www-form-urlencoded";
    private const string Multipart = "multipart/form-data; boundary=B";

    private static readonly string Video = ContractClient.Encrypt("not a video"u8.ToArray());

    public static TheoryData<string, string, byte[]> Bodies => new()
    {
        // JSON: mis-encoded, truncated, wrong token types, a field twice, nested too deep.
        { "json: invalid UTF-8 in the video", Json, [.. "{\"encrypted_video\": \""u8, 0xff, 0xfe, 0xfa, .. "\"}"u8] },
        { "json: invalid UTF-8 in a boolean", Json, [.. Encoding.ASCII.GetBytes($"{{\"encrypted_video\":\"{Video}\",\"return_status\":\""), 0xc3, 0x28, .. "\"}"u8] },
        { "json: invalid UTF-8 outside a string", Json, [.. "{\"encrypted_video\": "u8, 0xff, .. "}"u8] },
        { "json: truncated", Json, "{\"encrypted_video\": \"AAAA"u8.ToArray() },
        { "json: empty", Json, [] },
        { "json: an array", Json, "[\"encrypted_video\"]"u8.ToArray() },
        { "json: the video a number", Json, "{\"encrypted_video\": 12}"u8.ToArray() },
        { "json: the video an object", Json, "{\"encrypted_video\": {\"a\": 1}}"u8.ToArray() },
        { "json: a boolean an object", Json, Encoding.ASCII.GetBytes($"{{\"encrypted_video\":\"{Video}\",\"return_image\":{{}}}}") },
        { "json: the video twice", Json, Encoding.ASCII.GetBytes($"{{\"encrypted_video\":\"{Video}\",\"encrypted_video\":\"{Video}\"}}") },
        { "json: a boolean twice", Json, Encoding.ASCII.GetBytes($"{{\"encrypted_video\":\"{Video}\",\"return_status\":true,\"return_status\":false}}") },
        { "json: nested 10,000 deep", Json, Encoding.ASCII.GetBytes("{\"x\":" + string.Concat(Enumerable.Repeat("[", 10_000)) + string.Concat(Enumerable.Repeat("]", 10_000)) + "}") },
        { "json: a lone surrogate escape", Json, "{\"encrypted_video\": \"\\ud800\"}"u8.ToArray() },
        // Form: mis-encoded, over-long keys and values, too many fields, a field twice.
        { "form: invalid UTF-8", Form, [.. "encrypted_video="u8, 0xff, 0xfe, 0xfa] },
        { "form: bad percent escapes", Form, "encrypted_video=%zz%e0%a4&return_status=%ff"u8.ToArray() },
        { "form: a 100,000-character key", Form, Encoding.ASCII.GetBytes(new string('k', 100_000) + "=1&encrypted_video=" + Video) },
        { "form: 5,000 fields", Form, Encoding.ASCII.GetBytes(string.Join('&', Enumerable.Range(0, 5_000).Select(i => $"f{i}=1")) + "&encrypted_video=" + Video) },
        { "form: the video twice", Form, Encoding.ASCII.GetBytes($"encrypted_video={Video}&encrypted_video={Video}") },
        { "form: only separators", Form, "&&&==&="u8.ToArray() },
        // Multipart: truncated before the boundary, bad headers, oversized headers, mis-encoded, a field twice.
        { "multipart: ends before its closing boundary", Multipart, "--B\r\nContent-Disposition: form-data; name=\"encrypted_video\"\r\n\r\nAAAA"u8.ToArray() },
        { "multipart: ends inside the headers", Multipart, "--B\r\nContent-Disposition: form-da"u8.ToArray() },
        { "multipart: no boundary at all", Multipart, "just some bytes"u8.ToArray() },
        { "multipart: a header without a colon", Multipart, "--B\r\nnot a header\r\n\r\nAAAA\r\n--B--\r\n"u8.ToArray() },
        { "multipart: no Content-Disposition", Multipart, "--B\r\nContent-Type: text/plain\r\n\r\nAAAA\r\n--B--\r\n"u8.ToArray() },
        { "multipart: 20,000-byte header", Multipart, Encoding.ASCII.GetBytes($"--B\r\nContent-Disposition: form-data; name=\"{new string('n', 20_000)}\"\r\n\r\nAAAA\r\n--B--\r\n") },
        { "multipart: invalid UTF-8 in the header", Multipart, [.. "--B\r\nContent-Disposition: form-data; name=\""u8, 0xff, 0xfe, .. "\"\r\n\r\nAAAA\r\n--B--\r\n"u8] },
        { "multipart: the video as a field and a file", Multipart, Encoding.ASCII.GetBytes(
            $"--B\r\nContent-Disposition: form-data; name=\"encrypted_video\"\r\n\r\n{Video}\r\n"
            + $"--B\r\nContent-Disposition: form-data; name=\"encrypted_video\"; filename=\"v.b64\"\r\n\r\n{Video}\r\n--B--\r\n") },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_malformed_body_is_an_invalid_argument(string variant, string contentType, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        using var response = await fixture.Server.Client.PostAsync(ContractClient.Route, content);

        _ = variant; // names the case in the test's display name
        await response.AssertErrorAsync(400, 1200, "invalid argument");
    }

    [Fact]
    public async Task A_multipart_content_type_without_a_boundary_is_an_invalid_argument()
    {
        using var content = new ByteArrayContent("--B\r\n\r\n--B--\r\n"u8.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data");

        using var response = await fixture.Server.Client.PostAsync(ContractClient.Route, content);

        await response.AssertErrorAsync(400, 1200, "form body is malformed");
    }

    [Fact]
    public async Task Json_naming_the_video_twice_is_refused_like_a_form_field_given_twice()
    {
        using var content = new StringContent($"{{\"encrypted_video\":\"x\",\"encrypted_video\":\"{Video}\"}}", Encoding.UTF8, Json);

        using var response = await fixture.Server.Client.PostAsync(ContractClient.Route, content);

        await response.AssertErrorAsync(400, 1200, "a field given twice");
    }

    [Fact]
    public async Task An_empty_video_whose_tag_verifies_is_an_invalid_video()
    {
        using var response = await fixture.Server.Client.PostFormAsync([new("encrypted_video", ContractClient.Encrypt([]))]);

        await response.AssertErrorAsync(400, 2008, "the decrypted video is empty");
    }
}
