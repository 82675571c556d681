using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Liveness.Host.Contract;

/// <summary>
/// Gives the contract's error body to the answers Kestrel writes itself. A request without a <c>Host</c> header
/// (HTTP/1.1), a malformed request line or header, a request target over the length limit (414) or headers over
/// the size limit (431) are refused by Kestrel before any middleware runs, with an empty body and the connection
/// closed; Kestrel offers no hook to fill that body. This connection middleware relays every byte Kestrel sends
/// and, when the connection ends on such an empty refusal, sends it with the body <see cref="ContractErrors"/>
/// would have written instead.
/// </summary>
/// <remarks>
/// An empty refusal is recognised by its form: a <c>4xx</c> head with <c>Content-Length: 0</c> and
/// <c>Connection: close</c> that is the last thing the connection sends. The application's own error answers
/// always carry a body, so they never match. The refusal is held until the connection ends (at once, for
/// Kestrel closes it right after), and only when it arrives in a write of its own, as Kestrel writes it.
/// </remarks>
internal sealed partial class KestrelRejections(ILogger<KestrelRejections> logger)
{
    /// <summary>Longer than any head Kestrel writes for a refusal (status line, Connection, Date, Server, Content-Length).</summary>
    private const int MaxRefusalBytes = 512;

    private static ReadOnlySpan<byte> HeadEnd => "\r\n\r\n"u8;

    public static void UseOn(ListenOptions listen) => listen.Use(next =>
    {
        var rejections = new KestrelRejections(listen.ApplicationServices.GetRequiredService<ILogger<KestrelRejections>>());
        return connection => rejections.RunAsync(connection, next);
    });

    private async Task RunAsync(ConnectionContext connection, ConnectionDelegate next)
    {
        var transport = connection.Transport;
        var answers = new Pipe(new PipeOptions(pauseWriterThreshold: 1 << 20, resumeWriterThreshold: 1 << 19, useSynchronizationContext: false));
        var relay = RelayAsync(answers.Reader, transport.Output);
        connection.Transport = new DuplexPipe(transport.Input, answers.Writer);
        try
        {
            await next(connection);
        }
        finally
        {
            await answers.Writer.CompleteAsync();
            await relay;
            connection.Transport = transport;
        }
    }

    private async Task RelayAsync(PipeReader answers, PipeWriter client)
    {
        try
        {
            while (true)
            {
                var read = await answers.ReadAsync();
                var buffer = read.Buffer;
                var refusal = EmptyRefusal(buffer);
                if (refusal is not null && !read.IsCompleted)
                {
                    // Hold it: the connection's end says whether it was Kestrel's last word.
                    answers.AdvanceTo(buffer.Start, buffer.End);
                    continue;
                }

                if (refusal is not null)
                {
                    client.Write(WithContractBody(refusal));
                }
                else
                {
                    foreach (var segment in buffer)
                    {
                        client.Write(segment.Span);
                    }
                }

                answers.AdvanceTo(buffer.End);
                var flushed = await client.FlushAsync();
                if (read.IsCompleted || flushed.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (Exception error) when (error is IOException or ConnectionResetException or ObjectDisposedException)
        {
            // The client went away; there is nobody left to answer.
        }
        finally
        {
            await answers.CompleteAsync();
            // Kestrel has said its last word (it completed its output): pass the end on to the client at once, as
            // Kestrel does without this relay, not only when the connection's handler returns.
            await client.CompleteAsync();
        }
    }

    /// <summary>The bytes of <paramref name="buffer"/> when they are one empty refusal and nothing else, else null.</summary>
    private static byte[]? EmptyRefusal(ReadOnlySequence<byte> buffer)
    {
        if (buffer.Length > MaxRefusalBytes)
        {
            return null;
        }

        var head = buffer.ToArray();
        return IsEmptyRefusal(head) ? head : null;
    }

    private static bool IsEmptyRefusal(ReadOnlySpan<byte> head) =>
        head.StartsWith("HTTP/1.1 4"u8) && head.EndsWith(HeadEnd) && head.IndexOf(HeadEnd) == head.Length - HeadEnd.Length
        && head.IndexOf("\r\nContent-Length: 0\r\n"u8) >= 0 && head.IndexOf("\r\nConnection: close\r\n"u8) >= 0;

    private byte[] WithContractBody(byte[] head)
    {
        var text = Encoding.ASCII.GetString(head);
        var status = int.Parse(text.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture);
        var entry = ErrorTable.For(ErrorKind.InvalidArgument);
        var id = RequestId.New();
        LogRefused(logger, status, id);
        var body = JsonSerializer.SerializeToUtf8Bytes(new ErrorResponse(entry.Code, $"{entry.Message}: {Detail(status)}", id), ErrorJsonContext.Default.ErrorResponse);
        var headers = text[..^HeadEnd.Length].Replace("\r\nContent-Length: 0", "", StringComparison.Ordinal);
        return [.. Encoding.ASCII.GetBytes($"{headers}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {body.Length}\r\n{RequestId.Header}: {id}\r\n\r\n"), .. body];
    }

    private static string Detail(int status) => status switch
    {
        StatusCodes.Status414UriTooLong => "the request target is over the length limit",
        StatusCodes.Status431RequestHeaderFieldsTooLarge => "the request headers are over the size limit",
        StatusCodes.Status408RequestTimeout => "the request headers arrived too slowly",
        _ => "the request line or headers are malformed (an HTTP/1.1 request needs one Host header)",
    };

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}
