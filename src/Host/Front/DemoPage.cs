using Microsoft.AspNetCore.StaticFiles;

namespace Liveness.Host.Front;

/// <summary>
/// The browser demo at <c>/demo/</c>: static files embedded in the host (no request leaves this origin; the
/// Content-Security-Policy holds the page to it), and <c>key.json</c>, which says only whether the server decrypts
/// with the manual's published key, so the page can fill that in and otherwise asks the user to paste theirs.
/// </summary>
internal static class DemoPage
{
    public const string Path = "/demo";

    private const string ResourcePrefix = "demo/";

    private const string Policy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self' blob: mediastream:; "
        + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <param name="usesManualKey">Whether the pipeline behind this front decrypts with the manual's key and IV.</param>
    public static void MapDemoPage(this WebApplication app, bool usesManualKey)
    {
        // Routing matches /demo and /demo/ alike; the page's relative links need the slash.
        app.MapGet(Path, context =>
        {
            if (context.Request.Path.Value!.EndsWith('/'))
            {
                return ServeAsync(context, "index.html");
            }

            context.Response.Redirect(Path + "/" + context.Request.QueryString);
            return Task.CompletedTask;
        });
        app.MapGet(Path + "/key.json", context =>
        {
            AddHeaders(context.Response);
            return context.Response.WriteAsJsonAsync(new { manual_key = usesManualKey });
        });
        app.MapGet(Path + "/{file}", (HttpContext context, string file) => ServeAsync(context, file));
    }

    private static async Task ServeAsync(HttpContext context, string file)
    {
        await using var content = typeof(DemoPage).Assembly.GetManifestResourceStream(ResourcePrefix + file);
        if (content is null || !ContentTypes.TryGetContentType(file, out var contentType))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        AddHeaders(context.Response);
        context.Response.ContentType = contentType;
        context.Response.ContentLength = content.Length;
        await content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    private static void AddHeaders(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = Policy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "no-cache";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers["Permissions-Policy"] = "camera=(self), microphone=()";
    }
}
