namespace Liveness.Host;

internal static partial class PipelineApp
{
    [LoggerMessage(EventId = 1121, Level = LogLevel.Warning, Message = "!!! DECRYPTION USES THE PUBLISHED DEFAULT KEY AND IV FROM THE SENSEID MANUAL: anyone can decrypt uploads. Set PARAM_DECRYPT_KEY and PARAM_DECRYPT_IV. !!!")]
    private static partial void LogManualKeys(ILogger logger);
}
