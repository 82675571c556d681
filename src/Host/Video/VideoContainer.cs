using System.Text;

namespace Liveness.Host.Video;

/// <summary>
/// The container of an upload by its first bytes, for the audit: FFmpeg picks its demuxer the same way, and the
/// audit must name the container of uploads it refused (2008) too.
/// </summary>
internal static class VideoContainer
{
    public const string Unknown = "unknown";

    /// <summary>MPEG-TS packets are this long, each starting with the sync byte 0x47.</summary>
    private const int TsPacket = 188;

    public static string Sniff(ReadOnlySpan<byte> video)
    {
        if (video.Length >= 12 && video[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = Encoding.ASCII.GetString(video[8..12]);
            return brand == "qt  " ? "mov" : brand.StartsWith("3g", StringComparison.Ordinal) ? "3gp" : "mp4";
        }

        if (video.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]))
        {
            // The EBML header names the doctype within its first few dozen bytes.
            return video[..Math.Min(video.Length, 64)].IndexOf("webm"u8) >= 0 ? "webm" : "matroska";
        }

        if (video.Length >= 12 && video.StartsWith("RIFF"u8) && video[8..12].SequenceEqual("AVI "u8))
        {
            return "avi";
        }

        if (video.StartsWith("FLV"u8))
        {
            return "flv";
        }

        if (video.Length > 2 * TsPacket && video[0] == 0x47 && video[TsPacket] == 0x47 && video[2 * TsPacket] == 0x47)
        {
            return "mpegts";
        }

        if (video.StartsWith((ReadOnlySpan<byte>)[0x30, 0x26, 0xB2, 0x75]))
        {
            return "asf";
        }

        return video.StartsWith(".RMF"u8) ? "rm" : Unknown;
    }
}
