using System.Globalization;
using Azure;
using Azure.Storage.Blobs.Models;

namespace MediaGen.Workflows.Budgets;

/// <summary>
/// Budget reservations, atomic across concurrent jobs and host processes: one blob per caller and unit
/// (<c>{StateContainer}/budgets/{caller}/{unit}.json</c>) holds the current UTC day's and month's reserved and spent
/// amounts and the open reservations, and every change is a read-modify-write under the blob's ETag (optimistic
/// concurrency: a write that lost the race is read and decided again). A reservation is keyed by the job id, so reserving or
/// settling twice changes nothing the second time.
/// </summary>
public sealed class BudgetLedger
{
    private readonly BlobContainerClient _container;
    private readonly StateContainer _state;
    private readonly IOptionsMonitor<BudgetOptions> _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the ledger in the workflows' state container.</summary>
    public BudgetLedger(BlobServiceClient blobs, IOptions<WorkflowOptions> workflows, IOptionsMonitor<BudgetOptions> options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(workflows);
        _container = blobs.GetBlobContainerClient(workflows.Value.StateContainer);
        _state = new StateContainer(_container);
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The limits of <paramref name="caller"/>.</summary>
    public BudgetLimits LimitsOf(string caller) => _options.CurrentValue.LimitsOf(caller);

    /// <summary>
    /// Reserves <paramref name="amount"/> (null: unknown cost) of <paramref name="unit"/> for <paramref name="jobId"/>, or
    /// says which budget it does not fit. Null (and nothing stored) when no limit applies to the unit.
    /// </summary>
    /// <returns>Null when reserved (or no limit applies); else the refusal.</returns>
    public async Task<BudgetRefusal?> ReserveAsync(string caller, string jobId, string unit, decimal? amount, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(caller);
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        var limits = LimitsOf(caller);
        if (!limits.Limits(unit))
        {
            return null;
        }

        while (true)
        {
            var (account, etag) = await ReadAsync(caller, unit, cancellationToken).ConfigureAwait(false);
            if (account.Holds.ContainsKey(jobId))
            {
                return null;
            }

            if (Refusal(caller, unit, account, limits, amount) is { } refusal)
            {
                return refusal;
            }

            account.Holds[jobId] = new BudgetAccountHold(amount!.Value, account.Day, account.Month, _time.GetUtcNow());
            var updated = account with { DayReserved = account.DayReserved + amount.Value, MonthReserved = account.MonthReserved + amount.Value };
            if (await TryWriteAsync(caller, unit, updated, etag, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }
        }
    }

    /// <summary>
    /// Reserves <paramref name="costs"/> for <paramref name="jobId"/>: per unit the caller has a limit in, their summed
    /// estimate (unknown when any is). On a refusal, what was reserved before it is released and
    /// <see cref="BudgetExceededException"/> is thrown: nothing stays held.
    /// </summary>
    /// <returns>The hold to settle when the work ends; null when no limit applies (nothing was stored).</returns>
    /// <exception cref="BudgetExceededException">The estimate does not fit one of the caller's budgets.</exception>
    public async Task<BudgetHold?> ReserveAllAsync(string caller, string jobId, IEnumerable<JobCost?> costs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(costs);
        var limits = LimitsOf(caller);
        var amounts = costs.OfType<JobCost>()
            .GroupBy(c => c.Unit, StringComparer.Ordinal)
            .Where(g => limits.Limits(g.Key))
            .Select(g => (Unit: g.Key, Amount: g.Any(c => c.Estimate is null) ? null : (decimal?)g.Sum(c => c.Estimate!.Value)))
            .ToList();
        var reserved = new List<BudgetAmount>();
        foreach (var (unit, amount) in amounts)
        {
            if (await ReserveAsync(caller, jobId, unit, amount, cancellationToken).ConfigureAwait(false) is { } refusal)
            {
                await ReleaseAsync(jobId, new BudgetHold(caller, reserved)).ConfigureAwait(false);
                throw new BudgetExceededException(refusal);
            }

            reserved.Add(new BudgetAmount(unit, amount!.Value));
        }

        return reserved.Count > 0 ? new BudgetHold(caller, reserved) : null;
    }

    /// <summary>Releases every amount of <paramref name="hold"/> (settles each to 0 spent); runs to the end whatever the caller's token says.</summary>
    public async Task ReleaseAsync(string jobId, BudgetHold hold)
    {
        ArgumentNullException.ThrowIfNull(hold);
        foreach (var amount in hold.Amounts)
        {
            await SettleAsync(hold.Caller, jobId, amount.Unit, 0m, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Settles <paramref name="jobId"/>'s reservation of <paramref name="unit"/>: its amount leaves "reserved" and
    /// <paramref name="spent"/> joins "spent" in the periods it was reserved in (0 releases it). Nothing when none is open.
    /// </summary>
    public async Task SettleAsync(string caller, string jobId, string unit, decimal spent, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(caller);
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        while (true)
        {
            var (account, etag) = await ReadAsync(caller, unit, cancellationToken).ConfigureAwait(false);
            if (etag is null || !account.Holds.Remove(jobId, out var hold))
            {
                return;
            }

            var sameDay = hold.Day == account.Day;
            var sameMonth = hold.Month == account.Month;
            var updated = account with
            {
                DayReserved = sameDay ? Math.Max(0m, account.DayReserved - hold.Amount) : account.DayReserved,
                DaySpent = sameDay ? account.DaySpent + spent : account.DaySpent,
                MonthReserved = sameMonth ? Math.Max(0m, account.MonthReserved - hold.Amount) : account.MonthReserved,
                MonthSpent = sameMonth ? account.MonthSpent + spent : account.MonthSpent,
            };
            if (await TryWriteAsync(caller, unit, updated, etag, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    /// <summary>
    /// Releases <paramref name="caller"/>'s reservations whose work can no longer settle them: <paramref name="isAbandoned"/>
    /// is asked about each open reservation (its job id, and when it was taken: absent for reservations stored before that
    /// was recorded) — an orchestration terminated from outside the job, or purged, never runs the settlement its own end
    /// would. Such a reservation is settled at 0 (what the work bought, if anything, is the provider's bill to show).
    /// Returns how many were released.
    /// </summary>
    public async Task<int> ReleaseAbandonedAsync(
        string caller, Func<string, DateTimeOffset?, CancellationToken, Task<bool>> isAbandoned, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(caller);
        ArgumentNullException.ThrowIfNull(isAbandoned);
        var limits = LimitsOf(caller);
        var released = 0;
        foreach (var unit in CostUnits.All.Where(limits.Limits))
        {
            var (account, _) = await ReadAsync(caller, unit, cancellationToken).ConfigureAwait(false);
            foreach (var (jobId, hold) in account.Holds)
            {
                if (await isAbandoned(jobId, hold.At, cancellationToken).ConfigureAwait(false))
                {
                    await SettleAsync(caller, jobId, unit, 0m, cancellationToken).ConfigureAwait(false);
                    released++;
                }
            }
        }

        return released;
    }

    /// <summary>The caller's budgets now: limits, reserved and spent, per unit and period.</summary>
    public async Task<BudgetReport> ReportAsync(string caller, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(caller);
        var limits = LimitsOf(caller);
        var budgets = new List<BudgetStatus>();
        foreach (var unit in CostUnits.All)
        {
            var (account, _) = await ReadAsync(caller, unit, cancellationToken).ConfigureAwait(false);
            budgets.Add(new BudgetStatus(unit, "daily", account.Day, limits.Daily(unit), account.DayReserved, account.DaySpent));
            budgets.Add(new BudgetStatus(unit, "monthly", account.Month, limits.Monthly(unit), account.MonthReserved, account.MonthSpent));
        }

        return new BudgetReport(caller, budgets);
    }

    private static BudgetRefusal? Refusal(string caller, string unit, BudgetAccount account, BudgetLimits limits, decimal? amount)
    {
        if (limits.Daily(unit) is { } daily && (amount is null || account.DayReserved + account.DaySpent + amount > daily))
        {
            return new BudgetRefusal(caller, unit, "daily", daily, account.DayReserved, account.DaySpent, amount);
        }

        if (limits.Monthly(unit) is { } monthly && (amount is null || account.MonthReserved + account.MonthSpent + amount > monthly))
        {
            return new BudgetRefusal(caller, unit, "monthly", monthly, account.MonthReserved, account.MonthSpent, amount);
        }

        return null;
    }

    private async Task<(BudgetAccount Account, ETag? ETag)> ReadAsync(string caller, string unit, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var day = now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var month = now.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        await _state.EnsureAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var content = await Blob(caller, unit).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            var account = JsonSerializer.Deserialize<BudgetAccount>(content.Value.Content.ToMemory().Span, WorkflowJson.Options)
                ?? BudgetAccount.Empty(day, month);
            return (account.RollTo(day, month) with { Holds = new(account.Holds, StringComparer.Ordinal) }, content.Value.Details.ETag);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return (BudgetAccount.Empty(day, month), null);
        }
    }

    /// <summary>Writes if the blob is still as read (or still absent); false when another writer came first.</summary>
    private async Task<bool> TryWriteAsync(string caller, string unit, BudgetAccount account, ETag? etag, CancellationToken cancellationToken)
    {
        var conditions = etag is { } tag ? new BlobRequestConditions { IfMatch = tag } : new BlobRequestConditions { IfNoneMatch = ETag.All };
        try
        {
            await Blob(caller, unit).UploadAsync(
                BinaryData.FromObjectAsJson(account, WorkflowJson.Options),
                new BlobUploadOptions { Conditions = conditions },
                cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    private BlobClient Blob(string caller, string unit) =>
        _container.GetBlobClient($"budgets/{Uri.EscapeDataString(caller.ToLowerInvariant())}/{unit}.json");

}
