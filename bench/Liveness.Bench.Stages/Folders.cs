namespace Liveness.Bench.Stages;

/// <summary>
/// The clips <c>bench/make-clips.sh</c> makes, the shared models (<c>../shared</c> beside the checkout, or
/// <c>LIVENESS_SHARED</c>), and where BenchmarkDotNet writes its reports (git ignores both folders).
/// </summary>
internal static class Folders
{
    private static readonly string Repository = RepositoryRoot();

    public static string Clips => Path.Combine(Repository, "bench", "clips");

    /// <summary>A plugin's source folder, where its <c>plugin.json</c> is.</summary>
    public static string Plugin(string project) => Path.Combine(Repository, "src", "Plugins", project);

    public static string Artifacts => Path.Combine(Repository, "bench", "BenchmarkDotNet.Artifacts");

    public static string Models => Path.Combine(
        Environment.GetEnvironmentVariable("LIVENESS_SHARED") is { Length: > 0 } shared ? shared : Path.Combine(Repository, "..", "shared"),
        "models");

    private static string RepositoryRoot()
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
