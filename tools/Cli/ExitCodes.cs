namespace Liveness.Tools.Cli;

/// <summary>What <c>liveness</c> exits with, so a script can branch on the decision without reading JSON.</summary>
internal static class ExitCodes
{
    /// <summary>The check passed: a live person.</summary>
    public const int Passed = 0;

    /// <summary>The check ran and did not pass: <c>hack</c> or <c>short_time</c>.</summary>
    public const int NotPassed = 1;

    /// <summary>An error answer (codes 1200, 2008, 4007), an unreachable host, or a usage error.</summary>
    public const int Error = 2;
}
