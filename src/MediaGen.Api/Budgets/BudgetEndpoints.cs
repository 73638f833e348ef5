namespace MediaGen.Api.Budgets;

/// <summary>The budget route: the calling caller's limits, reserved and spent amounts.</summary>
public static class BudgetEndpoints
{
    /// <summary>Maps <c>GET /api/budgets</c> onto <paramref name="api"/> (the API-key group under <c>/api</c>).</summary>
    public static RouteGroupBuilder MapBudgets(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/budgets", GetAsync)
            .WithName("GetBudgets")
            .WithTags("Budgets")
            .WithSummary("The caller's budgets: daily and monthly limit, reserved (running jobs) and spent, per unit (tokens, usd)")
            .Produces<BudgetReport>();
        return api;
    }

    /// <summary><c>GET /api/budgets</c>.</summary>
    public static async Task<IResult> GetAsync(HttpContext httpContext, BudgetLedger budgets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(budgets);
        return TypedResults.Ok(await budgets.ReportAsync(CallerIdentity.Of(httpContext), cancellationToken));
    }
}
