using Liveness.Host.Pipeline.Cues;

namespace Liveness.Host.Pipeline;

/// <summary>
/// Makes one calibrated <c>liveness_score</c> of a presentation: the classifier's score of it (one frame's, or a
/// video's <see cref="TemporalScore"/>), calibrated on the log-odds scale, minus what each cue's evidence of an attack takes off.
/// The API and tools/Eval both score with this, so they decide alike.
/// </summary>
internal static class ScoreFusion
{
    /// <summary>Classifier scores are kept this far from 0 and 1 so that their log-odds stay finite.</summary>
    private const double Epsilon = 1e-6;

    public static double Fuse(double classifierScore, IEnumerable<CueReading> cues, FusionOptions options)
    {
        var classifier = Math.Clamp(classifierScore, Epsilon, 1 - Epsilon);
        var logOdds = options.Slope * Math.Log(classifier / (1 - classifier)) + options.Intercept;
        logOdds -= cues.Sum(cue => cue.Penalty);
        return 1 / (1 + Math.Exp(-logOdds));
    }
}
