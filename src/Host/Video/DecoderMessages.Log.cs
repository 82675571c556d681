namespace Liveness.Host.Video;

internal sealed partial class DecoderMessages
{
    [LoggerMessage(EventId = 1701, Message = "FFmpeg: {Excerpt}")]
    private static partial void Message(ILogger logger, LogLevel level, string excerpt);

    [LoggerMessage(EventId = 1702, Message = "FFmpeg: {Count} more messages for this video not logged")]
    private static partial void Suppressed(ILogger logger, LogLevel level, int count);
}
