using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.RegularExpressions;
using Liveness.Host.Front;
using Microsoft.Extensions.Configuration;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;

namespace Liveness.Host.Tests.Deploy;

/// <summary>
/// The settings the host reads, taken from the host itself: its options classes (each with a <c>Section</c>),
/// the sections it binds to other types, YARP's <c>ReverseProxy</c> layout, the names it reads directly from
/// configuration, and its <c>appsettings.json</c>. Deployment files are checked against it.
/// </summary>
internal static partial class HostSettings
{
    private static readonly Dictionary<string, Type> Sections = typeof(LivenessHost).Assembly.GetTypes()
        .Select(type => (type, field: type.GetField("Section", BindingFlags.Public | BindingFlags.Static)))
        .Where(pair => pair.field is { IsLiteral: true } && pair.field.FieldType == typeof(string))
        .ToDictionary(pair => (string)pair.field!.GetRawConstantValue()!, pair => pair.type, StringComparer.OrdinalIgnoreCase);

    /// <summary>Sections the host binds to types of YARP's rather than to an options class of its own.</summary>
    private static readonly Dictionary<string, Type> Subsections = new(StringComparer.OrdinalIgnoreCase)
    {
        [FrontApp.PassiveHealthSection] = typeof(TransportFailureRateHealthPolicyOptions),
        ["ReverseProxy"] = typeof(ReverseProxySection),
    };

    /// <summary>Names the host reads as <c>configuration["NAME"]</c> (the manual's names for the key and IV).</summary>
    private static readonly HashSet<string> DirectNames = Directory
        .EnumerateFiles(Path.Combine(SharedFiles.RepositoryRoot(), "src", "Host"), "*.cs", SearchOption.AllDirectories)
        .SelectMany(file => ConfigurationIndexer().Matches(File.ReadAllText(file)).Select(match => match.Groups[1].Value))
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static readonly IConfiguration AppSettings = new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Build();

    /// <summary>An environment variable's name as a configuration key: <c>Front__RateLimit__Burst</c> is <c>Front:RateLimit:Burst</c>.</summary>
    public static string KeyOf(string environmentVariable) => environmentVariable.Replace("__", ":", StringComparison.Ordinal);

    /// <summary>Null when the host reads <paramref name="key"/>, else why not.</summary>
    public static string? Problem(string key)
    {
        if (DirectNames.Contains(key) || AppSettings.GetSection(key).Exists())
        {
            return null;
        }

        var segments = key.Split(':');
        if (segments[0].Equals("ReverseProxy", StringComparison.OrdinalIgnoreCase) && segments.Length > 2
            && segments[1].Equals("Clusters", StringComparison.OrdinalIgnoreCase) && segments[2] != FrontApp.ClusterId)
        {
            return $"{key}: the route forwards to cluster '{FrontApp.ClusterId}', not '{segments[2]}'";
        }

        var (type, rest) = Subsections.Where(pair => key.StartsWith(pair.Key + ":", StringComparison.OrdinalIgnoreCase))
            .Select(pair => ((Type?)pair.Value, segments[(pair.Key.Split(':').Length)..]))
            .FirstOrDefault((Sections.GetValueOrDefault(segments[0]), segments[1..]));
        return type is null ? $"{key}: the host has no section '{segments[0]}' and reads no such name"
            : Walk(type, rest) ? null
            : $"{key}: no setting of {type.Name} is '{string.Join(':', rest)}'";
    }

    /// <summary>
    /// What a value that a manifest leaves to a secret (<c>${NAME}</c> in Compose, a Secret in Kubernetes) stands for
    /// when the settings are validated: long enough for every key's length rule, never a real key.
    /// </summary>
    public const string SecretPlaceholder = "secret-placeholder-0123456789abcdef0123456789";

    /// <summary>Binds every options section in <paramref name="settings"/> as the host does and validates it; the problems found.</summary>
    public static IEnumerable<string> InvalidValues(IReadOnlyDictionary<string, string> settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Where(pair => !Subsections.Keys.Any(sub => pair.Key.StartsWith(sub + ":", StringComparison.OrdinalIgnoreCase)))
                .Select(pair => KeyValuePair.Create(pair.Key, (string?)pair.Value)))
            .Build();
        foreach (var (section, type) in Sections)
        {
            object? options;
            string? problem = null;
            try
            {
                options = configuration.GetSection(section).Get(type) ?? Activator.CreateInstance(type)!;
            }
            catch (InvalidOperationException exception)
            {
                options = null;
                problem = $"{section}: {exception.Message}";
            }

            if (problem is not null)
            {
                yield return problem;
                continue;
            }

            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(options!, new ValidationContext(options!), results, validateAllProperties: true))
            {
                foreach (var result in results)
                {
                    yield return $"{section}: {result.ErrorMessage}";
                }
            }
        }
    }

    private static bool Walk(Type type, ReadOnlySpan<string> rest)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (rest.Length == 0)
        {
            return true;
        }

        if (type == typeof(string) || type.IsPrimitive || type.IsEnum || type == typeof(TimeSpan) || type == typeof(decimal))
        {
            return false;
        }

        if (ValueTypeOfDictionary(type) is { } value)
        {
            return Walk(value, rest[1..]);
        }

        if (type.IsAssignableTo(typeof(IEnumerable)) && ElementType(type) is { } element)
        {
            return int.TryParse(rest[0], out _) && Walk(element, rest[1..]);
        }

        var property = type.GetProperty(rest[0], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        return property is not null && Walk(property.PropertyType, rest[1..]);
    }

    private static Type? ValueTypeOfDictionary(Type type) =>
        new[] { type }.Concat(type.GetInterfaces())
            .FirstOrDefault(candidate => candidate.IsGenericType && candidate.GetGenericTypeDefinition() is var definition
                && (definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>)))
            ?.GetGenericArguments()[1];

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : new[] { type }.Concat(type.GetInterfaces())
            .FirstOrDefault(candidate => candidate.IsGenericType && candidate.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            ?.GetGenericArguments()[0];

    [GeneratedRegex("""configuration\["([A-Za-z0-9_]+)"\]""")]
    private static partial Regex ConfigurationIndexer();

    /// <summary>The layout of YARP's configuration section (<c>LoadFromConfig</c>): routes and clusters by id.</summary>
    private sealed class ReverseProxySection
    {
        public Dictionary<string, RouteConfig> Routes { get; } = [];

        public Dictionary<string, ClusterConfig> Clusters { get; } = [];
    }
}
