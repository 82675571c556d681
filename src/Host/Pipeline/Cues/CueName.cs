namespace Liveness.Host.Pipeline.Cues;

/// <summary>The cues' names: in <see cref="CueReading.Cue"/>, the <c>cue</c> label of <c>liveness_cue_penalty</c> and tools/Eval's columns.</summary>
internal static class CueName
{
    public const string ScreenBorder = "screen_border";
    public const string Moire = "moire";
    public const string Glare = "glare";
    public const string PlanarMotion = "planar_motion";
    public const string MicroMotion = "micro_motion";
    public const string DeviceInView = "device_in_view";
    public const string StreamBitrate = "stream_bitrate";

    public static readonly string[] All = [ScreenBorder, Moire, Glare, PlanarMotion, MicroMotion, DeviceInView, StreamBitrate];
}
