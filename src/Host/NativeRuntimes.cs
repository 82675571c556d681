using OpenCvSharp;

namespace Liveness.Host;

/// <summary>Checks at start that the native libraries the host owns can load, and says what to install when not.</summary>
internal static class NativeRuntimes
{
    public const string DebianPackages = "libgtk-3-0";

    public static void EnsureLoaded()
    {
        try
        {
            _ = Cv2.GetVersionString();
        }
        catch (Exception e) when (e is TypeInitializationException or DllNotFoundException)
        {
            throw new InvalidOperationException(
                $"OpenCV's native library could not be loaded ({e.GetBaseException().Message}). "
                + $"On Debian or Ubuntu run: sudo apt-get install -y {DebianPackages}", e);
        }
    }
}
