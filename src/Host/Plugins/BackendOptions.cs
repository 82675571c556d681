using System.ComponentModel.DataAnnotations;

namespace Liveness.Host.Plugins;

/// <summary>Which backend plugins are loaded and which serve each role (section <c>Backends</c>).</summary>
public sealed class BackendOptions
{
    public const string Section = "Backends";

    /// <summary>The folder holding one sub-folder per plugin; relative paths are taken from the host's own folder.</summary>
    public string PluginDirectory { get; set; } = "plugins";

    /// <summary>The plugin serving the face detector role.</summary>
    [Required]
    public string Detector { get; set; } = "onnx";

    /// <summary>The plugin serving the spoof classifier role.</summary>
    [Required]
    public string Classifier { get; set; } = "onnx";

    /// <summary>The plugin serving the scene detector role (phones and screens around the face); empty serves none, and the device-in-view cue is not read.</summary>
    public string SceneDetector { get; set; } = "onnx";

    /// <summary><c>cpu</c> or <c>cuda</c>; a backend without CUDA falls back to CPU and logs it.</summary>
    [RegularExpression("^(cpu|cuda)$")]
    public string Device { get; set; } = "cpu";

    /// <summary>Reload a plugin when its folder changes on disk.</summary>
    public bool WatchForChanges { get; set; } = true;

    /// <summary>How long changes in the plugin directory must have stopped before it is rescanned.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ReloadSettleTime { get; set; } = TimeSpan.FromMilliseconds(500);

    public string ResolvePluginDirectory() => Path.GetFullPath(PluginDirectory, AppContext.BaseDirectory);
}
