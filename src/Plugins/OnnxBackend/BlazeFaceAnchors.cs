using System.Numerics;

namespace Liveness.Plugins.OnnxBackend;

/// <summary>The anchor centres of MediaPipe's short-range BlazeFace, in the order of the model's outputs.</summary>
internal static class BlazeFaceAnchors
{
    /// <summary>896 centres as fractions of the input square: 16x16 cells with 2 anchors each, then 8x8 cells with 6.</summary>
    /// <remarks>The anchors of a cell share its centre and, with MediaPipe's fixed anchor size, everything else.</remarks>
    public static Vector2[] Create()
    {
        var anchors = new List<Vector2>(896);
        AddGrid(anchors, cells: 16, perCell: 2);
        AddGrid(anchors, cells: 8, perCell: 6);
        return [.. anchors];
    }

    private static void AddGrid(List<Vector2> anchors, int cells, int perCell)
    {
        for (var y = 0; y < cells; y++)
        {
            for (var x = 0; x < cells; x++)
            {
                var centre = new Vector2((x + 0.5f) / cells, (y + 0.5f) / cells);
                for (var i = 0; i < perCell; i++)
                {
                    anchors.Add(centre);
                }
            }
        }
    }
}
