using System.Security.Cryptography;
using System.Text;
using Liveness.Host.Api;
using Microsoft.Extensions.Options;

namespace Liveness.Host.Admin;

/// <summary>Guards mutating admin calls: the <c>X-Admin-Key</c> header must equal the configured key, and an unset key refuses all.</summary>
internal sealed class AdminKey(IOptions<AdminOptions> options) : IEndpointFilter
{
    public const string Header = "X-Admin-Key";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var configured = Encoding.UTF8.GetBytes(options.Value.Key);
        var given = Encoding.UTF8.GetBytes(context.HttpContext.Request.Headers[Header].ToString());
        if (configured.Length == 0)
        {
            throw new LivenessError(ErrorKind.Forbidden, "the admin API is off: set Admin:Key to use it");
        }

        return CryptographicOperations.FixedTimeEquals(configured, given)
            ? next(context)
            : throw new LivenessError(ErrorKind.Forbidden, $"{Header} is missing or wrong");
    }
}
