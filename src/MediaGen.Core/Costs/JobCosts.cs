using MediaGen.Core.Providers.Cosmic;

namespace MediaGen.Core.Costs;

/// <summary>
/// Turns a job's parameters into its cost estimate (before any provider call) and a provider's answer into its actual
/// cost. Each kind prices itself (<see cref="ProviderKind.Estimate"/>, <see cref="ProviderKind.Actual"/>) from its
/// provider's price table; unknown stays unknown.
/// </summary>
public static class JobCosts
{
    /// <summary>Actual cost read from the provider's <c>usage</c> report.</summary>
    public const string FromUsage = "usage";

    /// <summary>Actual cost computed from documented fixed prices.</summary>
    public const string FromPriceTable = "price_table";

    /// <summary>The unit a provider's costs are counted in.</summary>
    public static string UnitOf(ProviderName provider) => ProviderRegistry.Module(provider).CostUnit;

    /// <summary>The estimate of a validated job: the most it should cost (<see cref="ProviderKind.Estimate"/>).</summary>
    public static JobCost Estimate(JobRequest request, CostOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Estimate(request, JobParamsBinder.Bind(request.Provider, request.Kind, request.Params), options);
    }

    /// <summary>The estimate of a validated job whose params are already bound to <paramref name="typed"/>.</summary>
    public static JobCost Estimate(JobRequest request, object typed, CostOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(typed);
        return new JobCost(UnitOf(request.Provider), ProviderRegistry.Of(request).Estimate(typed, options));
    }

    /// <summary>
    /// The estimate of a Cosmic text generation (a job's or the text stream's), as <see cref="Estimate(JobRequest, CostOptions?)"/> makes it: unknown
    /// without <c>max_tokens</c>, with a <c>media_url</c>, or for an unpriced model.
    /// </summary>
    public static JobCost EstimateText(CosmicTextRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new JobCost(CostUnits.Tokens, CosmicTextKind.EstimateTokens(request));
    }

    /// <summary>The actual cost of a call that succeeded (<see cref="ProviderKind.Actual"/>).</summary>
    /// <param name="estimate">The job's estimate (its unit and fixed cost).</param>
    /// <param name="request">The job request.</param>
    /// <param name="usage">What the provider reported, if anything.</param>
    /// <param name="items">Items delivered.</param>
    /// <param name="options">The configured prices.</param>
    public static JobCost Actual(JobCost estimate, JobRequest request, JobUsage? usage, int items, CostOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        ArgumentNullException.ThrowIfNull(request);
        var typed = JobParamsBinder.Bind(request.Provider, request.Kind, request.Params);
        return ProviderRegistry.Of(request).Actual(estimate, typed, usage, items, options);
    }

    /// <summary>Sums costs per unit (batch totals).</summary>
    public static IReadOnlyList<CostTotal> Totals(IEnumerable<JobCost?> costs)
    {
        ArgumentNullException.ThrowIfNull(costs);
        return [.. costs.OfType<JobCost>()
            .GroupBy(c => c.Unit, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CostTotal(g.Key, g.Sum(c => c.Estimate ?? 0m), g.Sum(c => c.Actual ?? 0m), g.Count(), g.Count(c => c.Estimate is null)))];
    }
}
