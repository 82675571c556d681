using Prometheus;

namespace Liveness.Host.Metrics;

/// <summary>
/// The product's Prometheus metric families. Their names and labels are part of the product: the dashboards
/// and alert rules in grafana/ query them. One registry per process, served on the admin listener.
/// </summary>
internal static class LivenessMetrics
{
    /// <summary>End-to-end and stage latencies: 10 ms to 30 s.</summary>
    private static readonly double[] LatencyBuckets = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 1.5, 2, 3, 5, 7.5, 10, 15, 20, 30];

    /// <summary>One model call: a millisecond to a second.</summary>
    private static readonly double[] InferenceBuckets = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1];

    public static readonly Counter Requests = Prometheus.Metrics.CreateCounter(
        "liveness_requests_total", "Answered liveness requests, by contract code and liveness status (error for abnormal answers).",
        "code", "status");

    public static readonly Histogram RequestDuration = Prometheus.Metrics.CreateHistogram(
        "liveness_request_duration_seconds", "End-to-end time to answer a liveness request, by outcome.",
        new HistogramConfiguration { LabelNames = ["outcome"], Buckets = LatencyBuckets });

    public static readonly Histogram StageDuration = Prometheus.Metrics.CreateHistogram(
        "liveness_stage_duration_seconds", "Time one request spent in each pipeline stage.",
        new HistogramConfiguration { LabelNames = ["stage"], Buckets = LatencyBuckets });

    public static readonly Histogram Score = Prometheus.Metrics.CreateHistogram(
        "liveness_score", "Returned liveness scores, for watching drift.",
        new HistogramConfiguration { Buckets = Histogram.LinearBuckets(0.05, 0.05, 20) });

    public static readonly Histogram CuePenalty = Prometheus.Metrics.CreateHistogram(
        "liveness_cue_penalty", "What each attack cue took off a video's score, in log-odds (0: it saw no attack), by cue.",
        new HistogramConfiguration { LabelNames = ["cue"], Buckets = [0.1, 0.5, 1, 2, 4, 8, 16] });

    public static readonly Histogram ModelInference = Prometheus.Metrics.CreateHistogram(
        "liveness_model_inference_seconds", "Time of one model call, by backend and role.",
        new HistogramConfiguration { LabelNames = ["backend", "role"], Buckets = InferenceBuckets });

    public static readonly Gauge BackendInfo = Prometheus.Metrics.CreateGauge(
        "liveness_backend_info", "1 for every loaded backend and role it can fill; active says whether it serves that role now.",
        "backend", "role", "version", "active");

    public static readonly Counter BackendReloads = Prometheus.Metrics.CreateCounter(
        "liveness_backend_reloads_total", "Backend plugin loads, by result (success, failure).",
        "backend", "result");

    public static readonly Counter FrontRejected = Prometheus.Metrics.CreateCounter(
        "liveness_front_rejected_total", "Requests the front refused before forwarding, by reason.",
        "reason");

    public static readonly Counter Rejections = Prometheus.Metrics.CreateCounter(
        "liveness_rejections_total",
        "Reasons behind failed checks (hack, short_time): the classifier, each attack cue past its threshold, short_time; a rejection with several reasons counts under each.",
        "reason");

    public static readonly Histogram VideoSeconds = Prometheus.Metrics.CreateHistogram(
        "liveness_video_seconds", "Length of uploaded videos.",
        new HistogramConfiguration { Buckets = [1, 2, 3, 4, 5, 7.5, 10, 15, 20, 30, 45, 60, 120] });

    /// <summary>The results of <see cref="BackendReloads"/>.</summary>
    public static class ReloadResult
    {
        public const string Success = "success";
        public const string Failure = "failure";
    }

    /// <summary>The reasons of <see cref="FrontRejected"/>.</summary>
    public static class RejectedBecause
    {
        public const string RateLimited = "rate_limited";
        public const string LengthRequired = "length_required";
        public const string TooLarge = "too_large";

        public static readonly string[] All = [RateLimited, LengthRequired, TooLarge];
    }

    /// <summary>
    /// Creates every series whose label values are known before traffic, at 0: a fresh host's panels then show
    /// 0 instead of "No data", and rate()/absent() alerts see the series from the first scrape.
    /// </summary>
    public static void PublishKnownSeries(
        IEnumerable<(int Code, string Status)> answers, IEnumerable<string> stages, IEnumerable<string> cues, IEnumerable<string> rejectionReasons)
    {
        foreach (var stage in stages)
        {
            StageDuration.WithLabels(stage);
        }

        foreach (var cue in cues)
        {
            CuePenalty.WithLabels(cue);
        }

        foreach (var reason in rejectionReasons)
        {
            Rejections.WithLabels(reason);
        }

        foreach (var (code, status) in answers)
        {
            Requests.WithLabels(code.ToString(System.Globalization.CultureInfo.InvariantCulture), status);
            RequestDuration.WithLabels(status);
        }

        foreach (var reason in RejectedBecause.All)
        {
            FrontRejected.WithLabels(reason);
        }
    }

    /// <summary>Counts the reasons of one failed check.</summary>
    public static void Rejected(IEnumerable<string> reasons)
    {
        foreach (var reason in reasons.Distinct())
        {
            Rejections.WithLabels(reason).Inc();
        }
    }

    /// <summary>Counts one answered request and its end-to-end time.</summary>
    public static void Answered(int code, string status, TimeSpan elapsed)
    {
        Requests.WithLabels(code.ToString(System.Globalization.CultureInfo.InvariantCulture), status).Inc();
        RequestDuration.WithLabels(status).Observe(elapsed.TotalSeconds);
    }
}
