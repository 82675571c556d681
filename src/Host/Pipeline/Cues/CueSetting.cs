using System.ComponentModel.DataAnnotations;

namespace Liveness.Host.Pipeline.Cues;

/// <summary>How much one cue counts and where it fires (for example <c>Fusion:ScreenBorder:Weight</c>).</summary>
public sealed class CueSetting
{
    /// <summary>What full evidence of an attack takes off the score's log-odds; 0 switches the cue off (it is not even measured).</summary>
    [Range(0.0, 50.0)]
    public double Weight { get; set; }

    /// <summary>The measure at which the cue is half sure of an attack, in the cue's own unit (see its type).</summary>
    public double Threshold { get; set; }

    public bool Enabled => Weight > 0;
}
