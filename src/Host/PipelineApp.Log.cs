using System.Threading.RateLimiting;
using Liveness.Host.Api;
using Liveness.Host.Crypto;
using Liveness.Host.Front;
using Liveness.Host.Health;
using Liveness.Host.Models;
using Liveness.Host.Pipeline;
using Liveness.Host.Pipeline.Cues;
using Liveness.Host.Plugins;
using Liveness.Host.Video;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Prometheus;

namespace Liveness.Host;

internal static partial class PipelineApp
{
    [LoggerMessage(EventId = 1121, Level = LogLevel.Warning, Message = "!!! DECRYPTION USES THE PUBLISHED DEFAULT KEY AND IV FROM THE SENSEID MANUAL: anyone can decrypt uploads. Set PARAM_DECRYPT_KEY and PARAM_DECRYPT_IV. !!!")]
    private static partial void LogManualKeys(ILogger logger);
}
