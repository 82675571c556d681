using Liveness.Abstractions;
using Liveness.Plugins.PluginSupport;

namespace Liveness.OnnxBackend.Tests;

public sealed class AntiSpoofCropTests
{
    [Fact]
    public void Scales_the_box_about_its_centre()
    {
        var crop = AntiSpoofCrop.Around(new FaceBox(300, 200, 40, 40), 2.7, 640, 480);

        // 40 * 2.7 = 108 around (320, 220); corners are inclusive, so the crop is 109 pixels wide.
        Assert.Equal(new AntiSpoofCrop(266, 166, 374, 274), crop);
        Assert.Equal(109, crop.Width);
    }

    [Fact]
    public void Shifts_rather_than_pads_at_the_top_left()
    {
        var crop = AntiSpoofCrop.Around(new FaceBox(0, 10, 40, 40), 4.0, 640, 480);

        Assert.Equal(new AntiSpoofCrop(0, 0, 160, 160), crop);
    }

    [Fact]
    public void Shifts_rather_than_pads_at_the_bottom_right()
    {
        var crop = AntiSpoofCrop.Around(new FaceBox(600, 440, 40, 40), 2.7, 640, 480);

        Assert.Equal(new AntiSpoofCrop(531, 371, 639, 479), crop);
    }

    [Fact]
    public void Shrinks_the_scale_until_a_large_box_fits()
    {
        // min(479 / 400, 639 / 300, 4) = 1.1975: the full height, and 359.25 wide about the centre.
        var crop = AntiSpoofCrop.Around(new FaceBox(100, 50, 300, 400), 4.0, 640, 480);

        Assert.Equal(new AntiSpoofCrop(70, 0, 429, 479), crop);
    }

    [Fact]
    public void Truncates_fractional_corners_as_python_int_does()
    {
        var crop = AntiSpoofCrop.Around(new FaceBox(100.7f, 100.2f, 30.5f, 31.3f), 2.7, 640, 480);

        // Centre (115.95, 115.85); half sizes 41.175 and 42.255.
        Assert.Equal(new AntiSpoofCrop(74, 73, 157, 158), crop);
    }

    [Fact]
    public void Always_lies_inside_the_frame_and_keeps_its_size()
    {
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var (width, height) = (random.Next(50, 2000), random.Next(50, 2000));
            var size = random.Next(4, Math.Min(width, height));
            var face = new FaceBox(random.Next(0, width - size), random.Next(0, height - size), size, size * 1.1f);
            var scale = random.Next(2) == 0 ? 2.7 : 4.0;

            var crop = AntiSpoofCrop.Around(face, scale, width, height);

            Assert.True(crop.Left >= 0 && crop.Top >= 0 && crop.Right <= width - 1 && crop.Bottom <= height - 1, $"{crop} in {width}x{height}");
            var fitted = Math.Min((height - 1) / (double)face.Height, Math.Min((width - 1) / (double)face.Width, scale));
            Assert.InRange(crop.Width, face.Width * fitted - 1, face.Width * fitted + 2);
            Assert.InRange(crop.Height, face.Height * fitted - 1, face.Height * fitted + 2);
        }
    }

    [Fact]
    public void Refuses_an_empty_box()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AntiSpoofCrop.Around(new FaceBox(10, 10, 0, 20), 2.7, 640, 480));
    }
}
