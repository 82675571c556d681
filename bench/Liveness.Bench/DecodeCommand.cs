namespace Liveness.Bench;

/// <summary><c>decode</c>: the decode floor of a clip on its own, without a server.</summary>
internal static class DecodeCommand
{
    public static int Run(BenchArguments arguments, TextWriter output)
    {
        var floor = DecodeFloor.Measure(arguments.RequiredText("video"), arguments.Integer("repeat") ?? 10, arguments.Text("ffmpeg") ?? "ffmpeg");
        output.WriteLine($"floor           {DecodeFloor.Command(floor.Video)}");
        output.WriteLine($"decode median   {floor.MedianMs:0.0} ms over {floor.Milliseconds.Count} runs "
            + $"(min {floor.Milliseconds.Min():0.0}, max {floor.Milliseconds.Max():0.0})");
        return 0;
    }
}
