using System.Numerics;
using Liveness.Abstractions;
using Liveness.Plugins.OnnxBackend;

namespace Liveness.OnnxBackend.Tests;

public sealed class LetterboxTests
{
    [Fact]
    public void Pads_a_landscape_frame_above_and_below()
    {
        var letterbox = Letterbox.Fit(640, 480, 128);

        Assert.Equal((128, 96, 0, 16), (letterbox.ScaledWidth, letterbox.ScaledHeight, letterbox.PadX, letterbox.PadY));
        Assert.Equal(new FacePoint(0, 0), letterbox.ToFrame(0, 16f / 128));
        Assert.Equal(new FacePoint(640, 480), letterbox.ToFrame(1, 112f / 128));
        Assert.Equal(new FacePoint(320, 240), letterbox.ToFrame(0.5f, 0.5f));
    }

    [Fact]
    public void Pads_a_portrait_frame_left_and_right()
    {
        var letterbox = Letterbox.Fit(368, 656, 128);

        Assert.Equal((72, 128, 28, 0), (letterbox.ScaledWidth, letterbox.ScaledHeight, letterbox.PadX, letterbox.PadY));
        var corner = letterbox.ToFrame(100f / 128, 1);
        Assert.Equal(368, corner.X, 3);
        Assert.Equal(656, corner.Y, 3);
    }

    [Fact]
    public void Anchors_follow_the_order_of_the_model_outputs()
    {
        var anchors = BlazeFaceAnchors.Create();

        Assert.Equal(896, anchors.Length);
        Assert.Equal(new Vector2(1f / 32, 1f / 32), anchors[0]);
        Assert.Equal(anchors[0], anchors[1]);
        Assert.Equal(new Vector2(3f / 32, 1f / 32), anchors[2]);
        Assert.Equal(new Vector2(1f / 32, 3f / 32), anchors[32]);
        Assert.Equal(new Vector2(1f / 16, 1f / 16), anchors[512]);
        Assert.Equal(anchors[512], anchors[517]);
        Assert.Equal(new Vector2(3f / 16, 1f / 16), anchors[518]);
        Assert.Equal(new Vector2(15f / 16, 15f / 16), anchors[^1]);
    }
}
