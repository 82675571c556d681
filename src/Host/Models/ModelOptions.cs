namespace Liveness.Host.Models;

/// <summary>Where pinned model files live and where missing ones come from (section <c>Models</c>).</summary>
public sealed class ModelOptions
{
    public const string Section = "Models";

    /// <summary>The model directory; relative paths are taken from the content root.</summary>
    public string Directory { get; set; } = "models";

    /// <summary>A directory with the same layout to copy missing models from (tests and CI: <c>../shared/models</c>).</summary>
    public string Mirror { get; set; } = "";

    /// <summary>Fetch a model that is in neither place from its upstream URL.</summary>
    public bool Download { get; set; } = true;

    /// <summary>Limit for one upstream download.</summary>
    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromMinutes(2);
}
