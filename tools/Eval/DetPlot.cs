using System.Globalization;
using OpenCvSharp;

namespace Liveness.Tools.Eval;

/// <summary>
/// Draws <c>det.png</c>: one panel per measured set, each a DET curve (APCER across, BPCER up, both on log axes
/// from 0.001 to 1) with a line per attack type and one for all attacks pooled, and the configured operating point
/// marked on each line.
/// </summary>
internal static class DetPlot
{
    private const double AxisMin = 0.001;
    private const int PanelWidth = 640;
    private const int PlotLeft = 80;
    private const int PlotRight = PanelWidth - 30;
    private const int PlotTop = 60;
    private const int PlotBottom = 560;
    private const int LegendTop = PlotBottom + 60;
    private const int LegendLine = 20;
    private const HersheyFonts Font = HersheyFonts.HersheySimplex;

    private static readonly double[] GridLines = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1];
    private static readonly double[] LabelledLines = [0.001, 0.01, 0.1, 1];
    private static readonly Scalar Black = Scalar.Black;
    private static readonly Scalar Grid = new(225, 225, 225);

    // Tableau's ten colours, in BGR order.
    private static readonly Scalar[] Palette =
    [
        new(180, 119, 31), new(14, 127, 255), new(44, 160, 44), new(40, 39, 214), new(189, 103, 148),
        new(75, 86, 140), new(194, 119, 227), new(127, 127, 127), new(34, 189, 188), new(207, 190, 23),
    ];

    public static void Write(string path, IReadOnlyList<MeasuredSet> sets, double threshold)
    {
        var legendLines = sets.Max(set => set.Rates.AttacksByType.Count) + 3;
        using var canvas = new Mat(LegendTop + legendLines * LegendLine + 20, PanelWidth * sets.Count, MatType.CV_8UC3, Scalar.White);
        for (var i = 0; i < sets.Count; i++)
        {
            using var panel = new Mat(canvas, new Rect(i * PanelWidth, 0, PanelWidth, canvas.Rows));
            Draw(panel, sets[i], threshold);
        }

        if (!Cv2.ImWrite(path, canvas))
        {
            throw new IOException($"could not write {path}");
        }
    }

    private static void Draw(Mat panel, MeasuredSet set, double threshold)
    {
        var rates = set.Rates;
        Text(panel, $"{set.Name}: {set.Outcomes.Count - set.Failed} measured, {set.Failed} failed", new Point(PlotLeft, 30), 0.6);
        DrawAxes(panel);
        if (rates.BonaFideCount == 0 || rates.AttacksByType.Count == 0)
        {
            Text(panel, "no DET curve: needs live and attack samples", new Point(PlotLeft + 20, PlotTop + 40), 0.5);
            return;
        }

        var legend = new Point(PlotLeft, LegendTop);
        var colour = 0;
        foreach (var (type, count) in rates.AttacksByType.OrderBy(type => type.Key, StringComparer.Ordinal))
        {
            var line = Palette[colour++ % Palette.Length];
            Curve(panel, rates.Sweep.Select(point => (point.ApcerByAttack[type], point.Bpcer)), (rates.Decided.ApcerByAttack[type], rates.Decided.Bpcer), line, 2);
            legend = LegendEntry(panel, legend, line, $"{type} (n={count})");
        }

        Curve(panel, rates.Sweep.Select(point => (point.ApcerPooled, point.Bpcer)), (rates.Decided.ApcerPooled, rates.Decided.Bpcer), Black, 3);
        legend = LegendEntry(panel, legend, Black, $"all attacks pooled (n={rates.AttacksByType.Values.Sum()}); live n={rates.BonaFideCount}");
        Marker(panel, new Point(legend.X + 15, legend.Y - 5), Black);
        Text(panel, $"operating point: the decisions at threshold {threshold.ToString(CultureInfo.InvariantCulture)}", new Point(legend.X + 40, legend.Y), 0.45);
        Text(panel, $"rates of 0 are drawn at {AxisMin.ToString(CultureInfo.InvariantCulture)}, the axes' minimum", new Point(legend.X + 40, legend.Y + LegendLine), 0.45);
    }

    private static void DrawAxes(Mat panel)
    {
        foreach (var rate in GridLines)
        {
            Cv2.Line(panel, new Point(X(rate), PlotTop), new Point(X(rate), PlotBottom), Grid);
            Cv2.Line(panel, new Point(PlotLeft, Y(rate)), new Point(PlotRight, Y(rate)), Grid);
        }

        foreach (var rate in LabelledLines)
        {
            var label = rate.ToString(CultureInfo.InvariantCulture);
            Text(panel, label, new Point(X(rate) - 4 * label.Length, PlotBottom + 20), 0.45);
            Text(panel, label, new Point(PlotLeft - 10 - 9 * label.Length, Y(rate) + 5), 0.45);
        }

        Cv2.Rectangle(panel, new Point(PlotLeft, PlotTop), new Point(PlotRight, PlotBottom), Black);
        Text(panel, "APCER (attacks accepted, log scale)", new Point(PlotLeft + 110, PlotBottom + 45), 0.5);
        Text(panel, "BPCER (live rejected, log scale)", new Point(PlotLeft - 60, PlotTop - 10), 0.5);
    }

    private static void Curve(Mat panel, IEnumerable<(double Apcer, double Bpcer)> sweep, (double Apcer, double Bpcer) decided, Scalar colour, int thickness)
    {
        Point[] points = [.. sweep.Select(point => new Point(X(point.Apcer), Y(point.Bpcer)))];
        Cv2.Polylines(panel, [points], isClosed: false, colour, thickness, LineTypes.AntiAlias);
        Marker(panel, new Point(X(decided.Apcer), Y(decided.Bpcer)), colour);
    }

    private static void Marker(Mat panel, Point centre, Scalar colour)
    {
        Cv2.Circle(panel, centre, 7, colour, -1, LineTypes.AntiAlias);
        Cv2.Circle(panel, centre, 7, Black, 1, LineTypes.AntiAlias);
    }

    private static Point LegendEntry(Mat panel, Point at, Scalar colour, string label)
    {
        Cv2.Line(panel, new Point(at.X, at.Y - 5), new Point(at.X + 30, at.Y - 5), colour, 3, LineTypes.AntiAlias);
        Text(panel, label, new Point(at.X + 40, at.Y), 0.45);
        return new Point(at.X, at.Y + LegendLine);
    }

    private static void Text(Mat panel, string text, Point at, double scale) =>
        Cv2.PutText(panel, text, at, Font, scale, Black, 1, LineTypes.AntiAlias);

    private static int X(double rate) => (int)Math.Round(PlotLeft + Fraction(rate) * (PlotRight - PlotLeft));

    private static int Y(double rate) => (int)Math.Round(PlotBottom - Fraction(rate) * (PlotBottom - PlotTop));

    /// <summary>Where a rate sits along a log axis from <see cref="AxisMin"/> to 1; a rate of 0 (no log) sits at the minimum.</summary>
    private static double Fraction(double rate) =>
        (Math.Log10(Math.Clamp(rate, AxisMin, 1)) - Math.Log10(AxisMin)) / -Math.Log10(AxisMin);
}
