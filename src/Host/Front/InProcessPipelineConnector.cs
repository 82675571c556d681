using System.Net.Sockets;
using Yarp.ReverseProxy.Forwarder;

namespace Liveness.Host.Front;

/// <summary>
/// YARP's HTTP client for the pipeline cluster, which connects the destination <see cref="Address"/> to the
/// in-process pipeline's Unix domain socket and every other destination over TCP as usual.
/// </summary>
internal sealed class InProcessPipelineConnector(string socketPath) : ForwarderHttpClientFactory
{
    /// <summary>A name that never resolves (RFC 2606 <c>.invalid</c>): only this connector knows where it leads.</summary>
    public const string Host = "in-process-pipeline.invalid";

    public const string Address = $"http://{Host}/";

    protected override void ConfigureHandler(ForwarderHttpClientContext context, SocketsHttpHandler handler)
    {
        base.ConfigureHandler(context, handler);
        handler.ConnectCallback = ConnectAsync;
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var inProcess = context.DnsEndPoint.Host == Host;
        var socket = inProcess
            ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            : new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(inProcess ? new UnixDomainSocketEndPoint(socketPath) : context.DnsEndPoint, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
