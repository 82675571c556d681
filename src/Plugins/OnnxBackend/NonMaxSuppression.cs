using Liveness.Abstractions;

namespace Liveness.Plugins.OnnxBackend;

/// <summary>Greedy non-maximum suppression within each kind of object, so that a person cannot hide the phone held in front of them.</summary>
internal static class NonMaxSuppression
{
    /// <summary>The objects that no better one of their kind overlaps by more than <paramref name="overlap"/>, most confident first.</summary>
    public static List<SceneObject> PerKind(IEnumerable<SceneObject> candidates, float overlap)
    {
        var kept = new List<SceneObject>();
        foreach (var candidate in candidates.OrderByDescending(candidate => candidate.Score))
        {
            if (!kept.Any(better => better.Kind == candidate.Kind && better.Box.IntersectionOverUnion(candidate.Box) > overlap))
            {
                kept.Add(candidate);
            }
        }

        return kept;
    }
}
