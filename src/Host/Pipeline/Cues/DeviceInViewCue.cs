using Liveness.Abstractions;

namespace Liveness.Host.Pipeline.Cues;

/// <summary>
/// The face is shown on a device: a phone, TV or laptop that the scene detector found holds the face. A live person
/// sitting in front of a TV or monitor is not: there the screen is far larger than the face and the person's body
/// carries on below it, where a face on a screen has its body, if any, cut off by the screen's edge.
/// </summary>
/// <remarks>
/// Measure: the scene detector's score for the most confident device that shows the face, 0 when none does
/// (in [0,1]); over several frames, their median. Thresholds are in docs/accuracy.md and docs/configuration.md.
/// </remarks>
internal static class DeviceInViewCue
{
    private static readonly SceneObjectKind[] Devices = [SceneObjectKind.CellPhone, SceneObjectKind.Tv, SceneObjectKind.Laptop];

    /// <summary>A device shows the face only when it holds at least this share of the face's box, not a sliver of it.</summary>
    private const float MinFaceInside = 0.6f;

    /// <summary>A device whose box is this many times the face's area, or more, may be a backdrop rather than the face's screen.</summary>
    private const float BackdropAreaOverFace = 1 / 0.15f;

    /// <summary>A person is taken to sit in front of the backdrop when their box reaches this many face heights below its bottom edge.</summary>
    private const float BodyBelowInFaceHeights = 1f;

    /// <summary>People the scene detector is this sure of, or more, count for the backdrop guard.</summary>
    private const float MinPersonScore = 0.5f;

    public static double Measure(IReadOnlyList<SceneObject> objects, FaceBox face)
    {
        var (centreX, centreY) = (face.X + face.Width / 2, face.Y + face.Height / 2);
        var people = objects.Where(found => found.Kind == SceneObjectKind.Person && found.Score >= MinPersonScore && Contains(found.Box, centreX, centreY))
            .ToList();
        return objects
            .Where(found => Devices.Contains(found.Kind)
                && Contains(found.Box, centreX, centreY)
                && Intersection(found.Box, face) >= MinFaceInside * face.Area
                && !IsBackdrop(found.Box, face, people))
            .Select(found => (double)found.Score)
            .DefaultIfEmpty(0)
            .Max();
    }

    private static bool IsBackdrop(FaceBox device, FaceBox face, List<SceneObject> people) =>
        device.Area >= BackdropAreaOverFace * face.Area
        && people.Any(person => person.Box.Y + person.Box.Height - (device.Y + device.Height) > BodyBelowInFaceHeights * face.Height);

    private static bool Contains(FaceBox box, float x, float y) =>
        x >= box.X && x <= box.X + box.Width && y >= box.Y && y <= box.Y + box.Height;

    private static float Intersection(FaceBox a, FaceBox b) =>
        Math.Max(0, Math.Min(a.X + a.Width, b.X + b.Width) - Math.Max(a.X, b.X))
        * Math.Max(0, Math.Min(a.Y + a.Height, b.Y + b.Height) - Math.Max(a.Y, b.Y));
}
