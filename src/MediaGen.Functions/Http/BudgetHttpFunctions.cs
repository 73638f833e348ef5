using MediaGen.Api.Budgets;
using MediaGen.Workflows.Budgets;

namespace MediaGen.Functions.Http;

/// <summary>The budget route, answered by the standalone host's handler (caller: the API key's caller name, as there).</summary>
public sealed class BudgetHttpFunctions(BudgetLedger budgets)
{
    /// <summary><c>GET /api/budgets</c>.</summary>
    [Function("GetBudgets")]
    public Task<IResult> GetBudgets(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "budgets")] HttpRequest req,
        CancellationToken cancellationToken) =>
        BudgetEndpoints.GetAsync(req.HttpContext, budgets, cancellationToken);
}
