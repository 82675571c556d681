using System.Net.Http.Json;
using System.Text.Json;

namespace Liveness.Host.Tests.Plugins;

/// <summary>The backend admin API as an operator calls it.</summary>
internal static class AdminClient
{
    public static async Task<JsonElement> BackendsAsync(this LivenessServer server)
    {
        using var response = await server.AdminClient.GetAsync("/admin/backends");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<HttpResponseMessage> ActivateAsync(this LivenessServer server, object roles, string? key = PluginDirectory.AdminKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/admin/backends/active") { Content = JsonContent.Create(roles) };
        if (key is not null)
        {
            request.Headers.Add("X-Admin-Key", key);
        }

        return await server.AdminClient.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> ReloadAsync(this LivenessServer server, string? key = PluginDirectory.AdminKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/backends/reload");
        if (key is not null)
        {
            request.Headers.Add("X-Admin-Key", key);
        }

        return await server.AdminClient.SendAsync(request);
    }

    public static string? Active(this JsonElement backends, string role) => backends.GetProperty("active").GetProperty(role).GetString();

    public static int Loads(this JsonElement backends, string folder) => Plugin(backends, folder)?.GetProperty("loads").GetInt32() ?? 0;

    public static int Failures(this JsonElement backends, string folder) => Plugin(backends, folder)?.GetProperty("failures").GetInt32() ?? 0;

    public static string? LastError(this JsonElement backends, string folder) => Plugin(backends, folder)?.GetProperty("lastError").GetString();

    private static JsonElement? Plugin(JsonElement backends, string folder) =>
        backends.GetProperty("plugins").EnumerateArray().Cast<JsonElement?>()
            .FirstOrDefault(plugin => plugin!.Value.GetProperty("folder").GetString() == folder);
}
