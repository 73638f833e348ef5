using MediaGen.Api.Budgets;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace MediaGen.Functions.Http;

/// <summary>The budget route, answered by the standalone host's handler (caller: the API key's caller name, as there).</summary>
public sealed class BudgetHttpFunctions(JobServiceFactory jobs)
{
    /// <summary><c>GET /api/budgets</c>.</summary>
    [Function("GetBudgets")]
    public Task<IResult> GetBudgets(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "budgets")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        BudgetEndpoints.GetAsync(req.HttpContext, jobs.Create(client), cancellationToken);
}
