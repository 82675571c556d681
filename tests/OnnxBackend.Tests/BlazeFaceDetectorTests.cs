using Liveness.Abstractions;
using Liveness.Plugins.OnnxBackend;

namespace Liveness.OnnxBackend.Tests;

public sealed class BlazeFaceDetectorTests(BackendFixture fixture) : IClassFixture<BackendFixture>
{
    [Theory]
    [InlineData("frames/kby_1.jpg")] // a print held up to the camera: a face all the same
    [InlineData("frames/deb_kphotoalbum_movie_f0.png")] // 160x120 webcam
    [InlineData("frames/yolo_DangThanhLiem_17322902799334505.jpg")] // 640x480 webcam
    [InlineData("frames/vid_tranvanluyt220_real_f0.png")] // portrait phone video: padded left and right
    [InlineData("frames/mv_image_T2.jpg")] // 1617x2160 photo
    public void Finds_the_one_face_with_its_features_in_place(string file)
    {
        using var frame = LoadedFrame.Shared(file);

        var face = Assert.Single(fixture.Detector.Detect(frame.Image));

        Assert.InRange(face.Score, 0.8f, 1f);
        var box = face.Box;
        Assert.True(box.X >= 0 && box.Y >= 0 && box.X + box.Width <= frame.Image.Width && box.Y + box.Height <= frame.Image.Height);
        Assert.InRange(box.Area / (frame.Image.Width * frame.Image.Height), 0.02f, 0.8f);
        Assert.InRange(box.Width / box.Height, 0.7f, 1.3f);
        Assert.Equal(6, face.Keypoints.Count);

        var (rightEye, leftEye, nose, mouth) = (face.Keypoints[0], face.Keypoints[1], face.Keypoints[2], face.Keypoints[3]);
        foreach (var point in new[] { rightEye, leftEye, nose, mouth })
        {
            Assert.InRange(point.X, box.X, box.X + box.Width);
            Assert.InRange(point.Y, box.Y, box.Y + box.Height);
        }

        // Upright faces looking at the camera: the subject's right eye is on the image's left, both above the nose and mouth.
        Assert.True(rightEye.X < leftEye.X, "right eye left of the left eye");
        Assert.True(Math.Max(rightEye.Y, leftEye.Y) < nose.Y, "eyes above the nose");
        Assert.True(nose.Y < mouth.Y, "nose above the mouth");
    }

    [Fact]
    public void Finds_nothing_in_a_flat_frame()
    {
        var pixels = new byte[320 * 240 * 3];
        Array.Fill(pixels, (byte)90);

        var faces = PinnedImage.Use(pixels, 320, 240, 320 * 3, fixture.Detector.Detect);

        Assert.Empty(faces);
    }

    [Fact]
    public void Lists_several_faces_most_confident_first()
    {
        using var frame = LoadedFrame.Shared("frames/yolo_Vicky2003rit_170504978424348.jpg");

        var faces = fixture.Detector.Detect(frame.Image);

        Assert.True(faces.Count > 1);
        Assert.Equal(faces.OrderByDescending(face => face.Score).ToList(), faces);
        Assert.All(faces, face => Assert.InRange(face.Score, BlazeFaceDetector.ScoreThreshold, 1f));
    }

    [Fact]
    public void Reads_rows_by_the_stride_not_the_width()
    {
        using var frame = LoadedFrame.Shared("frames/deb_forensics_hello_f0.png");
        var image = frame.Image;
        var rowBytes = image.Width * 3;
        var stride = rowBytes + 20;
        var padded = new byte[stride * image.Height];
        var packed = new byte[image.Stride * image.Height];
        System.Runtime.InteropServices.Marshal.Copy(image.Pixels, packed, 0, packed.Length);
        for (var y = 0; y < image.Height; y++)
        {
            Array.Copy(packed, y * image.Stride, padded, y * stride, rowBytes);
            Array.Fill(padded, (byte)255, y * stride + rowBytes, stride - rowBytes);
        }

        var expected = fixture.Detector.Detect(image);
        var actual = PinnedImage.Use(padded, image.Width, image.Height, stride, fixture.Detector.Detect);

        Assert.Equal(expected.Select(face => (face.Box, face.Score)), actual.Select(face => (face.Box, face.Score)));
    }

    [Fact]
    public void Rejects_a_frame_with_no_pixels()
    {
        Assert.Throws<ArgumentException>(() => fixture.Detector.Detect(new BgrImage(640, 480, 640 * 3, IntPtr.Zero)));
    }
}
