using System.Runtime.InteropServices;
using Liveness.Abstractions;

namespace Liveness.OnnxBackend.Tests;

/// <summary>Hands pixels built in a test to a backend for the duration of one call.</summary>
internal static class PinnedImage
{
    public static T Use<T>(byte[] pixels, int width, int height, int stride, Func<BgrImage, T> call)
    {
        var handle = GCHandle.Alloc(pixels, GCHandleType.Pinned);
        try
        {
            return call(new BgrImage(width, height, stride, handle.AddrOfPinnedObject()));
        }
        finally
        {
            handle.Free();
        }
    }
}
