namespace Liveness.Host.Contract;

/// <summary>What every listener puts first: request ids, and the contract's error body for everything behind them.</summary>
internal static class ContractEdge
{
    /// <param name="trustIncomingRequestId">Pipeline nodes keep the id their front assigned; fronts always assign a new one.</param>
    /// <param name="recordAnswers">What records every answer (the audit trail): behind the request id, before the error answer.</param>
    public static void UseContractEdge(this WebApplication app, bool trustIncomingRequestId, Action<IApplicationBuilder>? recordAnswers = null)
    {
        app.UseMiddleware<RequestId>(trustIncomingRequestId);
        recordAnswers?.Invoke(app);
        app.UseMiddleware<ContractErrors>();
    }
}
