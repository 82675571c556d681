namespace Liveness.Host.Tests;

/// <summary>The shared models and labelled samples beside the checkout (<c>../shared</c>), or <c>LIVENESS_SHARED</c>.</summary>
internal static class SharedFiles
{
    public static string Root { get; } = Environment.GetEnvironmentVariable("LIVENESS_SHARED") is { Length: > 0 } configured
        ? Path.GetFullPath(configured)
        : Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared"));

    public static string Models => Path.Combine(Root, "models");

    public static string Video(string name) => Path.Combine(Root, "data", "videos", name);

    /// <summary>A sample by its path in the shared manifest (<c>videos/...</c>, <c>frames/...</c>).</summary>
    public static string Sample(string file) => Path.Combine(Root, "data", file);

    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Liveness.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Liveness.sln not found above " + AppContext.BaseDirectory);
    }
}
