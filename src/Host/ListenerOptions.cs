using System.ComponentModel.DataAnnotations;

namespace Liveness.Host;

/// <summary>
/// Where each part of the host listens (section <c>Listeners</c>); an empty address turns that part off, which
/// is how a node becomes pipeline-only (no front) or front-only (a YARP cluster of remote pipeline nodes).
/// </summary>
public sealed class ListenerOptions : IValidatableObject
{
    public const string Section = "Listeners";

    /// <summary>The value of <see cref="Pipeline"/> that keeps the pipeline inside the process, behind its own front.</summary>
    public const string InProcess = "in-process";

    /// <summary>The public front: YARP routes, rate limits and size limits.</summary>
    public string Front { get; set; } = "http://127.0.0.1:8080";

    /// <summary>
    /// The pipeline. <see cref="InProcess"/>: a Unix domain socket in a private folder that only this process's
    /// front reaches. A URL: a TCP listener for the fronts of a cluster, which must send <see cref="NodeSecret"/>.
    /// </summary>
    public string Pipeline { get; set; } = InProcess;

    /// <summary>Health, metrics and the admin API; never the public front.</summary>
    public string Admin { get; set; } = "http://127.0.0.1:8082";

    /// <summary>
    /// The secret a front sends its pipeline nodes and a pipeline node demands of every liveness request; forwarded
    /// headers are believed only with it. Needed wherever a front and its pipeline are in different processes;
    /// in-process, a random one is drawn at start.
    /// </summary>
    public string NodeSecret { get; set; } = "";

    public const int MinNodeSecretLength = 32;

    internal bool PipelineInProcess => Pipeline == InProcess;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Front.Length == 0 && Pipeline.Length == 0)
        {
            yield return new("Listeners:Front and Listeners:Pipeline are both empty: the node would serve nothing", [nameof(Front)]);
        }

        if (PipelineInProcess && Front.Length == 0)
        {
            yield return new($"Listeners:Pipeline={InProcess} needs a front in the same process: give Listeners:Pipeline a URL for a pipeline-only node", [nameof(Pipeline)]);
        }

        var crossesProcesses = Pipeline.Length > 0 ? !PipelineInProcess : Front.Length > 0;
        if (crossesProcesses && NodeSecret.Length < MinNodeSecretLength)
        {
            yield return new(
                $"Listeners:NodeSecret must be at least {MinNodeSecretLength} characters (the same on the front and its pipeline nodes) when the pipeline is not in-process",
                [nameof(NodeSecret)]);
        }
    }

    public static ListenerOptions From(IConfiguration configuration)
    {
        var listeners = configuration.GetSection(Section).Get<ListenerOptions>() ?? new ListenerOptions();
        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(listeners, new ValidationContext(listeners), problems, validateAllProperties: true))
        {
            throw new Microsoft.Extensions.Options.OptionsValidationException(
                Section, typeof(ListenerOptions), problems.Select(problem => problem.ErrorMessage ?? Section));
        }

        return listeners;
    }
}
