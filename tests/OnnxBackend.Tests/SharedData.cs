namespace Liveness.OnnxBackend.Tests;

/// <summary>The shared models and labelled samples, kept beside the repository and never committed to it.</summary>
internal static class SharedData
{
    public static string Root { get; } = Locate();

    public static string ModelsDirectory => Path.Combine(Root, "models");

    public static string DataDirectory => Path.Combine(Root, "data");

    public static string Model(string name) => Path.Combine(ModelsDirectory, name);

    public static string Frame(string file) => Path.Combine(DataDirectory, file);

    private static string Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("LIVENESS_SHARED");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        // Liveness.sln marks the repository root; Directory.Build.props serves where the solution is not there yet.
        var root = AncestorHolding("Liveness.sln") ?? AncestorHolding("Directory.Build.props")
            ?? throw new InvalidOperationException($"No repository root above {AppContext.BaseDirectory}; set LIVENESS_SHARED.");
        return Path.GetFullPath(Path.Combine(root, "..", "shared"));
    }

    private static string? AncestorHolding(string file)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, file)))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
