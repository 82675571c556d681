namespace Liveness.Host.Health;

/// <summary>Whether this node can answer liveness checks now, and why not when it cannot.</summary>
internal interface IReadiness
{
    (bool Ready, string Detail) Check();
}
