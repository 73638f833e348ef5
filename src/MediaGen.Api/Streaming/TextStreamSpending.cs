using MediaGen.Core.Costs;

namespace MediaGen.Api.Streaming;

/// <summary>
/// What the text stream spends, counted like a job's: its <c>media_url</c> passes the job media's outbound URL checks,
/// its estimate is reserved from the caller's budgets before Cosmic is called (a refusal is a 402 and calls nothing), and
/// the reservation is settled when the stream ends — to the tokens Cosmic reported, to the estimate when the stream broke
/// off without a report (it may have been bought), to nothing when Cosmic refused it before the first event.
/// </summary>
public sealed class TextStreamSpending(JobValidator validator, BudgetLedger budgets)
{
    /// <summary>The problems of the request's <c>media_url</c>, checked as a job's <c>params.media_url</c> is.</summary>
    public IReadOnlyList<ValidationError> UrlProblems(CosmicTextRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<ValidationError>();
        if (request.MediaUrl is { } url)
        {
            validator.CheckUrl("media_url", url, errors);
        }

        return errors;
    }

    /// <summary>Reserves a new stream's estimate (<see cref="JobCosts.EstimateText"/>) from <paramref name="caller"/>'s budgets.</summary>
    /// <exception cref="BudgetExceededException">It does not fit (or its cost is unknown under a limit); nothing is held.</exception>
    public async Task<TextStreamHold> ReserveAsync(CosmicTextRequest request, string caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = "stream-" + Guid.NewGuid().ToString("N");
        var estimate = JobCosts.EstimateText(request);
        var budget = await budgets.ReserveAllAsync(caller, id, [estimate], cancellationToken).ConfigureAwait(false);
        return new TextStreamHold(id, budget, estimate, request.Model);
    }

    /// <summary>
    /// Settles <paramref name="hold"/>: to <paramref name="usage"/>'s tokens at the model's rate when Cosmic reported them,
    /// else to the estimate when <paramref name="mayHaveBought"/>, else to nothing. Runs to the end whatever the request's
    /// token says (a caller hanging up must not leave the reservation held).
    /// </summary>
    public async Task SettleAsync(TextStreamHold hold, CosmicUsage? usage, bool mayHaveBought)
    {
        ArgumentNullException.ThrowIfNull(hold);
        if (hold.Budget is not { } budget)
        {
            return;
        }

        var reserved = budget.Amounts.Sum(a => a.Amount);
        decimal spent = usage is not null
            ? CosmicTokenCosts.TextDeduction(hold.Model, usage.InputTokens + usage.OutputTokens) ?? reserved
            : mayHaveBought ? reserved : 0m;
        foreach (var amount in budget.Amounts)
        {
            await budgets.SettleAsync(budget.Caller, hold.Id, amount.Unit, spent, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
