using System.Net.Sockets;
using System.Text;

namespace Liveness.Host.Tests;

/// <summary>Sends a request head (and at most a body's end) and reads the answer: what a front must refuse from headers alone.</summary>
internal static class RawHttp
{
    /// <summary>An empty chunked body: a request with a body of unknown length that leaves nothing unread.</summary>
    public const string EmptyChunkedBody = "0\r\n\r\n";

    public static async Task<string> SendHeadAsync(Uri server, string method, string path, params string[] headers) =>
        await SendAsync(server, method, path, headers, "");

    public static async Task<string> SendAsync(Uri server, string method, string path, string[] headers, string body) =>
        await ExchangeAsync(server, $"{method} {path} HTTP/1.1\r\nHost: {server.Authority}\r\n" + string.Concat(headers.Select(header => header + "\r\n")) + "\r\n" + body);

    /// <summary>Sends <paramref name="request"/> exactly as given (a malformed one too) and reads until the server closes.</summary>
    public static async Task<string> ExchangeAsync(Uri server, string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        return await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(10));
    }
}
