using System.Collections.Concurrent;
using Liveness.Abstractions;
using TorchSharp;

namespace Liveness.TorchBackend.Tests;

public sealed class MiniFasNetClassifierTests(OnnxParityFixture fixture) : IClassFixture<OnnxParityFixture>
{
    [Fact]
    public void Gives_the_same_scores_from_many_threads_at_once()
    {
        var faces = fixture.Faces.Take(30).ToList();
        var sequential = faces.Select(Score).ToList();

        var concurrent = new ConcurrentDictionary<int, float>();
        Parallel.For(0, faces.Count * 3, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var score = Score(faces[i % faces.Count]);
            Assert.True(concurrent.GetOrAdd(i % faces.Count, score) == score, faces[i % faces.Count].File);
        });

        Assert.Equal(sequential, Enumerable.Range(0, faces.Count).Select(i => concurrent[i]));
    }

    [Fact]
    public void Runs_each_inference_on_one_thread_whichever_thread_calls()
    {
        // libtorch keeps its thread count per calling thread, set from the global one when a thread first computes.
        var threads = -1;
        var caller = new Thread(() =>
        {
            Score(fixture.Faces[0]);
            threads = torch.get_num_threads();
        });
        caller.Start();
        caller.Join();

        Assert.Equal(1, threads);
    }

    private float Score((string File, FaceBox Box) face)
    {
        using var frame = LoadedFrame.Shared(face.File);
        return fixture.Torch.Classifier!.LiveProbability(frame.Image, face.Box);
    }
}
