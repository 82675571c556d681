namespace Liveness.Host.Contract;

/// <summary>What every listener puts first: request ids, and the contract's error body for everything behind them.</summary>
internal static class ContractEdge
{
    /// <param name="trustIncomingRequestId">Pipeline nodes keep the id their front assigned; fronts always assign a new one.</param>
    public static void UseContractEdge(this WebApplication app, bool trustIncomingRequestId)
    {
        app.UseMiddleware<RequestId>(trustIncomingRequestId);
        app.UseMiddleware<ContractErrors>();
    }
}
