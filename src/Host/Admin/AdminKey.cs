using System.Security.Cryptography;
using System.Text;
using Liveness.Host.Contract;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Liveness.Host.Admin;

/// <summary>Guards mutating admin calls: the <c>X-Admin-Key</c> header must equal the configured key, and an unset key refuses all.</summary>
internal sealed class AdminKey(IOptions<AdminOptions> options) : IEndpointFilter
{
    public const string Header = "X-Admin-Key";

    /// <summary>The name of the security scheme in the OpenAPI document (<see cref="AdminOpenApi"/>).</summary>
    public const string SchemeName = "adminKey";

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

/// <summary>Puts a mutating admin call behind <see cref="AdminKey"/> and says so in the OpenAPI document.</summary>
internal static class AdminKeyEndpoints
{
    public static RouteHandlerBuilder RequireAdminKey(this RouteHandlerBuilder endpoint) => endpoint
        .AddEndpointFilter<AdminKey>()
        .Produces<ErrorResponse>(StatusCodes.Status403Forbidden)
        .AddOpenApiOperationTransformer((operation, context, _) =>
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(AdminKey.SchemeName, context.Document)] = [] }];
            return Task.CompletedTask;
        });
}
