using System.Net;
using System.Net.Sockets;

namespace Liveness.Host.Tests;

/// <summary>Clients from other loopback addresses, as second callers.</summary>
internal static class LoopbackAddress
{
    /// <summary>A client whose connections come from another loopback address (127.0.0.0/8), as a second caller would.</summary>
    public static HttpClient ClientFrom(string localAddress, Uri baseAddress) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        },
    })
    { BaseAddress = baseAddress };

}
