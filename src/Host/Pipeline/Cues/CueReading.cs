namespace Liveness.Host.Pipeline.Cues;

/// <summary>
/// What one cue saw in a presentation: its measure, in the cue's unit, the attack evidence (0 to 1) it makes of
/// it, and its weight: <see cref="Penalty"/> is what it takes off the score's log-odds. The threshold is kept for
/// the answer's details (<c>return_details</c>).
/// </summary>
public readonly record struct CueReading(string Cue, double Measure, double Evidence, double Weight, double Threshold)
{
    public double Penalty => Weight * Evidence;

    /// <summary>
    /// Evidence rises smoothly from 0 to 1 through the threshold; <paramref name="softness"/> is the cue's unit of
    /// change, and <paramref name="attackBelow"/> says the attack side is the low one (too little motion, say).
    /// </summary>
    public static CueReading Of(string cue, double measure, CueSetting setting, double softness, bool attackBelow = false)
    {
        var distance = (measure - setting.Threshold) / softness;
        var evidence = 1 / (1 + Math.Exp(attackBelow ? distance : -distance));
        return new CueReading(cue, measure, evidence, setting.Weight, setting.Threshold);
    }
}
