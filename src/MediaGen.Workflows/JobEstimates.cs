using MediaGen.Core.Providers.Cosmic;

namespace MediaGen.Workflows;

/// <summary>What a start estimates and reserves, and what a batch reports as its totals.</summary>
public static class JobEstimates
{
    /// <summary>
    /// <paramref name="input"/> with its estimate (and, with fallbacks, every provider's estimate), from the candidates'
    /// requests as the validator bound them (<see cref="CheckedJob.Requests"/>).
    /// </summary>
    public static JobInput Costed(JobInput input, IReadOnlyList<object?> typed, CostOptions costs)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(typed);
        var candidates = input.Request.Candidates();
        var estimates = candidates.Select((c, i) => JobCosts.Estimate(c, typed[i]!, costs)).ToList();
        return input with { Cost = estimates[0], CandidateCosts = candidates.Count > 1 ? estimates : null };
    }

    /// <summary>
    /// What a job reserves: its estimate; with fallbacks, per unit the largest estimate of its providers (one of them buys
    /// at most), unknown when any of them is.
    /// </summary>
    public static IEnumerable<JobCost> Reserved(JobInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.CandidateCosts is { } all
            ? all.GroupBy(c => c.Unit, StringComparer.Ordinal).Select(g => new JobCost(g.Key, g.Any(c => c.Estimate is null) ? null : g.Max(c => c.Estimate)))
            : input.Cost is { } cost ? [cost] : [];
    }

    /// <summary>A chain's estimate: the initial video (when it makes one) plus one extension per prompt.</summary>
    public static JobCost Chain(ChainRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        decimal? total = request.Prompts.Count * CosmicTokenCosts.VideoExtension(request.Model);
        if (request.Initial is { } initial)
        {
            total += JobCosts.Estimate(new JobRequest(JobKind.Video, ProviderName.Cosmic, initial)).Estimate;
        }

        return new JobCost(CostUnits.Tokens, total);
    }

    /// <summary>The batch's totals: every item's estimate (from the batch input) with the actual cost of those that ended.</summary>
    public static IReadOnlyList<CostTotal> Batch(BatchInput? input, IReadOnlyList<BatchItemState> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (input is null)
        {
            return JobCosts.Totals(items.Select(i => i.Cost));
        }

        // An item that ended reports its own cost (a fallback may have served it in another unit); the others their estimate.
        return JobCosts.Totals(input.Items.Select((item, i) => i < items.Count && items[i].Cost is { } ended ? ended : item.Cost));
    }
}
