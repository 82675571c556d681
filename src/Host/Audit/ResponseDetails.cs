using System.ComponentModel;
using System.Text.Json.Serialization;
using Liveness.Host.Pipeline;

namespace Liveness.Host.Audit;

/// <summary>
/// The answer's <c>details</c> (the extension <c>return_details=true</c>, never SenseID's): what decided, what it saw,
/// how each part scored, how long each stage took and why, in a few sentences. Absent parts are omitted.
/// </summary>
internal sealed record ResponseDetails(
    [property: JsonPropertyName("backends"), Description("The backends that decided: each with the roles it served, its version and its pinned model files.")]
    IReadOnlyList<ResponseDetails.Backend>? Backends,
    [property: JsonPropertyName("video"), Description("The decrypted upload as decoded: container (by its first bytes), length and frame size.")]
    ResponseDetails.VideoShape? Video,
    [property: JsonPropertyName("faces"), Description("The faces tracked, each from when to when it was seen, and the time any face was in view.")]
    ResponseDetails.FacesSeen? Faces,
    [property: JsonPropertyName("classifier"), Description("The anti-spoof classifier's scores of each judged face over time; the least live face decides.")]
    ResponseDetails.ClassifierReading? Classifier,
    [property: JsonPropertyName("cues"), Description("Each attack cue: its measure, threshold, weight, evidence (0-1) and the penalty it took off the log-odds.")]
    IReadOnlyList<ResponseDetails.Cue>? Cues,
    [property: JsonPropertyName("score_before_cues"), Description("The classifier's score calibrated, before the cues.")]
    double? ScoreBeforeCues,
    [property: JsonPropertyName("score"), Description("The calibrated score after the cues: liveness_score.")]
    double? Score,
    [property: JsonPropertyName("threshold"), Description("passed is true when score is at least this (Pipeline:PassThreshold).")]
    double? Threshold,
    [property: JsonPropertyName("limit"), Description("For a 2008: the limit the video broke, e.g. Video:MaxSeconds or Video:MinSeconds (the contract's 2 s), when it broke one.")]
    string? Limit,
    [property: JsonPropertyName("stages_ms"), Description("Time spent in each pipeline stage, in milliseconds.")]
    IReadOnlyDictionary<string, double> StagesMs,
    [property: JsonPropertyName("total_ms"), Description("Time from the request's arrival at the pipeline node to this answer, in milliseconds.")]
    double TotalMs,
    [property: JsonPropertyName("reasons"), Description("Why, in short sentences: the classifier's reading, each cue past its threshold, or what stopped the check.")]
    IReadOnlyList<string> Reasons)
{
    public sealed record Backend(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("version")] string Version,
        [property: JsonPropertyName("roles"), Description("detector, classifier, scene_detector: what it served in this check")] IReadOnlyList<string> Roles,
        [property: JsonPropertyName("models")] IReadOnlyList<Model> Models);

    public sealed record Model(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("sha256")] string Sha256);

    public sealed record VideoShape(
        [property: JsonPropertyName("container")] string Container,
        [property: JsonPropertyName("duration_seconds")] double? DurationSeconds,
        [property: JsonPropertyName("width")] int? Width,
        [property: JsonPropertyName("height")] int? Height);

    public sealed record FacesSeen(
        [property: JsonPropertyName("tracked")] int Tracked,
        [property: JsonPropertyName("visible_seconds"), Description("Time a tracked face was in view; under 2 s is short_time.")] double VisibleSeconds,
        [property: JsonPropertyName("tracks")] IReadOnlyList<Track> Tracks);

    public sealed record Track(
        [property: JsonPropertyName("track")] int Id,
        [property: JsonPropertyName("first_seconds")] double FirstSeconds,
        [property: JsonPropertyName("last_seconds")] double LastSeconds,
        [property: JsonPropertyName("main"), Description("Whether it was ever the main face, the one the motion cues and the returned frame follow.")] bool Main);

    public sealed record ClassifierReading(
        [property: JsonPropertyName("score"), Description("The least live judged face's score, uncalibrated.")] double Score,
        [property: JsonPropertyName("quantile"), Description("Each face scores this quantile of its frame scores (Fusion:ClassifierQuantile).")] double Quantile,
        [property: JsonPropertyName("faces")] IReadOnlyList<JudgedFace> Faces);

    public sealed record JudgedFace(
        [property: JsonPropertyName("track")] int Track,
        [property: JsonPropertyName("score")] double Score,
        [property: JsonPropertyName("frames")] IReadOnlyList<FrameScore> Frames,
        [property: JsonPropertyName("found_again"), Description("Where the face was found again after its motion broke or it was out of view, each beginning a stretch of its time; a score where that frame was classified.")] IReadOnlyList<FoundAgain> FoundAgain,
        [property: JsonPropertyName("stretch"), Description("The stretch that scored the face, when one scored lower than the quantile: its most live frame divided by Fusion:ClassifierStretchShare.")] Stretch? Stretch);

    public sealed record FoundAgain(
        [property: JsonPropertyName("seconds")] double Seconds,
        [property: JsonPropertyName("score")] double? Score);

    public sealed record Stretch(
        [property: JsonPropertyName("from_seconds")] double FromSeconds,
        [property: JsonPropertyName("to_seconds")] double ToSeconds,
        [property: JsonPropertyName("frames")] int Frames,
        [property: JsonPropertyName("most_live")] double MostLive);

    public sealed record FrameScore(
        [property: JsonPropertyName("seconds")] double Seconds,
        [property: JsonPropertyName("score")] double Score);

    public sealed record Cue(
        [property: JsonPropertyName("cue")] string Name,
        [property: JsonPropertyName("measure")] double Measure,
        [property: JsonPropertyName("threshold")] double Threshold,
        [property: JsonPropertyName("weight")] double Weight,
        [property: JsonPropertyName("evidence")] double Evidence,
        [property: JsonPropertyName("penalty")] double Penalty);

    /// <summary>The details of a check that ran (code 1000), whatever its status.</summary>
    public static ResponseDetails Of(
        LivenessDecision decision, RequestTrace trace, DecisionExplainer explainer, IEnumerable<DecisionReason> reasons, double quantile, TimeSpan elapsed)
    {
        var judged = decision.Details;
        return new ResponseDetails(
            BackendsOf(trace),
            VideoOf(trace),
            FacesOf(trace),
            judged is null ? null : new ClassifierReading(Round(judged.Classifier), quantile, [.. judged.Faces.Select(face => new JudgedFace(
                face.Track,
                Round(face.Score),
                [.. face.Frames.Select(frame => new FrameScore(Math.Round(frame.Seconds, 3), Round(frame.Score)))],
                [.. face.FoundAgain.Select(seconds => new FoundAgain(
                    Math.Round(seconds, 3), face.FoundAgainFrames.Where(frame => frame.Seconds == seconds).Select(frame => (double?)Round(frame.Score)).FirstOrDefault()))],
                face.Stretch is { } stretch
                    ? new Stretch(Math.Round(stretch.FromSeconds, 3), Math.Round(stretch.ToSeconds, 3), stretch.Frames, Round(stretch.MostLive))
                    : null))]),
            judged is null ? null : [.. judged.Cues.Select(cue => new Cue(cue.Cue, Round(cue.Measure), cue.Threshold, cue.Weight, Round(cue.Evidence), Round(cue.Penalty)))],
            judged is null ? null : Round(explainer.BeforeCues(judged)),
            judged is null ? null : Round(decision.Score),
            explainer.Threshold,
            null,
            trace.Stages.Milliseconds(),
            Milliseconds(elapsed),
            [.. reasons.Select(reason => reason.Text)]);
    }

    /// <summary>The details of an error answer of a request that was read: what was known when it stopped, and the limit it broke.</summary>
    public static ResponseDetails OfError(RequestTrace trace, string message, string? limit, TimeSpan elapsed) => new(
        BackendsOf(trace), VideoOf(trace), FacesOf(trace), null, null, null, null, null, limit,
        trace.Stages.Milliseconds(), Milliseconds(elapsed), [message]);

    private static Backend[]? BackendsOf(RequestTrace trace)
    {
        if (trace.Serving is not { } serving)
        {
            return null;
        }

        return [.. serving.ByRole.GroupBy(role => role.Backend).Select(backend => new Backend(
            backend.Key.Name, backend.Key.Manifest.Version, [.. backend.Select(role => Plugins.RoleNames.Of(role.Role))],
            [.. backend.Key.Manifest.Models.Select(model => new Model(model.Name, model.Sha256))]))];
    }

    private static VideoShape? VideoOf(RequestTrace trace) => trace.Video is not { } video ? null
        : new VideoShape(video.Container, trace.VideoSeconds is { } seconds ? Math.Round(seconds, 3) : null, trace.FrameSize?.Width, trace.FrameSize?.Height);

    private static FacesSeen? FacesOf(RequestTrace trace) => trace.FaceSeconds is not { } seen ? null
        : new FacesSeen(trace.Tracks.Count, Math.Round(seen, 3), [.. trace.Tracks.Select(track =>
            new Track(track.Track, Math.Round(track.FirstSeconds, 3), Math.Round(track.LastSeconds, 3), track.WasMain))]);

    private static double Round(double value) => Math.Round(value, 6);

    private static double Milliseconds(TimeSpan elapsed) => Math.Round(elapsed.TotalMilliseconds, 1);
}
