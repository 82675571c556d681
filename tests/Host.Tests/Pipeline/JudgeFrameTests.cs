using Liveness.Host.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using OpenCvSharp;

namespace Liveness.Host.Tests.Pipeline;

/// <summary>The pipeline's frame-level entry point, which tools/Eval scores its frame set with: real shared frames, one blank image.</summary>
[Collection(nameof(ServerCollection))]
public sealed class JudgeFrameTests(ServerFixture fixture)
{
    private LivenessPipeline Pipeline => fixture.Server.Host.Pipeline!.Services.GetRequiredService<LivenessPipeline>();

    [Fact]
    public void A_live_frame_passes_with_the_cues_it_was_fused_with()
    {
        using var image = Cv2.ImRead(SharedFiles.Sample("frames/vid_lestari15_real_f0.png"));

        var judgement = Pipeline.JudgeFrame(image);

        Assert.Equal(LivenessStatus.Ok, judgement.Status);
        Assert.True(judgement.Score > 0.9, judgement.ToString());
        Assert.Contains(judgement.Cues, cue => cue.Cue == "glare");
        Assert.DoesNotContain(judgement.Cues, cue => cue.Cue == "micro_motion");
    }

    [Fact]
    public void A_replay_frame_is_rejected()
    {
        using var image = Cv2.ImRead(SharedFiles.Sample("frames/vid_Trainingdata-d_b45a3ceb1ca9_f0.png"));

        var judgement = Pipeline.JudgeFrame(image);

        Assert.Equal(LivenessStatus.Hack, judgement.Status);
        Assert.True(judgement.Score < 0.05, judgement.ToString());
    }

    /// <summary>Synthetic: a uniform grey image, in which no face can be found.</summary>
    [Fact]
    public void An_image_without_a_face_is_not_judged()
    {
        using var image = new Mat(480, 640, MatType.CV_8UC3, Scalar.All(128));

        var judgement = Pipeline.JudgeFrame(image);

        Assert.Null(judgement.Status);
        Assert.Equal("no face found", judgement.Unjudged);
    }
}
