using System.ComponentModel.DataAnnotations;

namespace Liveness.Host.Models;

/// <summary>Where pinned model files live and where missing ones come from (section <c>Models</c>).</summary>
public sealed class ModelOptions
{
    public const string Section = "Models";

    /// <summary>The model directory; empty means <c>models/</c> beside the host's assembly. Relative paths are taken from the working directory.</summary>
    public string Directory { get; set; } = "";

    /// <summary>A directory with the same layout to copy missing models from (tests and CI: <c>../shared/models</c>).</summary>
    public string Mirror { get; set; } = "";

    public string ResolveDirectory() =>
        Path.GetFullPath(Directory.Length > 0 ? Directory : Path.Combine(AppContext.BaseDirectory, "models"));

    /// <summary>Fetch a model that is in neither place from its upstream URL.</summary>
    public bool Download { get; set; } = true;

    /// <summary>Limit for one upstream download.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromMinutes(2);
}
