namespace Liveness.Host.Pipeline.Cues;

/// <summary>
/// The cue the scene detector shows: a phone, TV or laptop holding a face (<see cref="DeviceInViewCue"/>), read on a
/// few frames spread over the video; the surest frame counts, because a device is often in view only for a while
/// (the seconds before a replay's screen fills the view, or after a phone is held up).
/// </summary>
internal static class SceneCues
{
    /// <param name="devices">The device-in-view measure of each frame the scene detector saw.</param>
    public static IEnumerable<CueReading> Read(IReadOnlyList<double> devices, FusionOptions options)
    {
        if (options.DeviceInView.Enabled && devices.Count > 0)
        {
            yield return CueReading.Of(CueName.DeviceInView, devices.Max(), options.DeviceInView, softness: 0.01);
        }
    }
}
