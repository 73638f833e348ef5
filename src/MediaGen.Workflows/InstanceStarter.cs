namespace MediaGen.Workflows;

/// <summary>
/// Starts an orchestration instance at most once and pays for it first: unless the instance exists already, its estimates
/// are reserved from the owner's budgets (a refusal throws and starts nothing), then it is scheduled; the reservation is
/// released again when the schedule itself fails and no instance exists.
/// </summary>
public sealed class InstanceStarter(DurableTaskClient client, BudgetLedger budgets, TimeProvider time)
{
    /// <summary>How old a reservation without an instance must be before it counts as abandoned (a start takes milliseconds between the two).</summary>
    private static readonly TimeSpan AbandonedReservationAge = TimeSpan.FromMinutes(5);

    /// <summary>Every runtime status: a start never replaces an instance, whatever state it is in.</summary>
    private static readonly IReadOnlyList<string> EveryStatus = [.. Enum.GetNames<OrchestrationRuntimeStatus>()];

    /// <summary>
    /// Starts <paramref name="orchestrator"/> as <paramref name="id"/> with the input <paramref name="input"/> makes of the
    /// reservation of <paramref name="costs"/> (null when nothing is reserved); an existing instance is answered as such.
    /// </summary>
    /// <exception cref="BudgetExceededException">The estimates do not fit the owner's remaining budget; nothing was started.</exception>
    public async Task<JobStartResult> StartAsync(
        string orchestrator, string id, string owner, IEnumerable<JobCost?> costs, Func<BudgetHold?, object> input, Activity? span,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(orchestrator);
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentNullException.ThrowIfNull(costs);
        ArgumentNullException.ThrowIfNull(input);
        if (await client.GetInstanceAsync(id, false, cancellationToken).ConfigureAwait(false) is not null)
        {
            span?.SetTag("mediagen.job.existed", true);
            return new JobStartResult(id, AlreadyExisted: true);
        }

        var hold = await ReserveAsync(owner, id, costs, cancellationToken).ConfigureAwait(false);
        try
        {
            return await ScheduleAsync(orchestrator, id, input(hold), span, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (hold is not null && await client.GetInstanceAsync(id, false, CancellationToken.None).ConfigureAwait(false) is null)
            {
                await budgets.ReleaseAsync(id, hold).ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>
    /// Reserves <paramref name="costs"/> for <paramref name="id"/>; on a refusal, first releases the owner's reservations
    /// of orchestrations terminated from outside or purged (<see cref="BudgetLedger.ReleaseAbandonedAsync"/>: asked only
    /// when the budget looks spent, so a start pays for those reads only then) and tries once more.
    /// </summary>
    private async Task<BudgetHold?> ReserveAsync(string owner, string id, IEnumerable<JobCost?> costs, CancellationToken cancellationToken)
    {
        var all = costs as IReadOnlyCollection<JobCost?> ?? [.. costs];
        try
        {
            return await budgets.ReserveAllAsync(owner, id, all, cancellationToken).ConfigureAwait(false);
        }
        catch (BudgetExceededException)
        {
            if (await budgets.ReleaseAbandonedAsync(owner, IsAbandonedAsync, cancellationToken).ConfigureAwait(false) == 0)
            {
                throw;
            }

            return await budgets.ReserveAllAsync(owner, id, all, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Whether the work holding a reservation under <paramref name="id"/> ended without settling it: terminated, or gone
    /// (purged) — but a reservation younger than <see cref="AbandonedReservationAge"/> without an instance may be a start
    /// between its reservation and its instance, so it stays.
    /// </summary>
    private async Task<bool> IsAbandonedAsync(string id, DateTimeOffset? takenAt, CancellationToken cancellationToken) =>
        await client.GetInstanceAsync(id, false, cancellationToken).ConfigureAwait(false) is { } instance
            ? instance.RuntimeStatus == OrchestrationRuntimeStatus.Terminated
            : takenAt is null || takenAt < time.GetUtcNow() - AbandonedReservationAge;

    /// <summary>
    /// Schedules the instance, read as not existing by <see cref="StartAsync"/>: a concurrent start of the same id is
    /// refused by the engine (every status deduplicated) and settled by reading again, so a start reads the instance once.
    /// </summary>
    private async Task<JobStartResult> ScheduleAsync(string orchestrator, string id, object input, Activity? span, CancellationToken cancellationToken)
    {
        try
        {
            // Durable Functions restarts a finished instance whose id is started again unless told not to: refuse every status.
            await client.ScheduleNewOrchestrationInstanceAsync(
                orchestrator, input, new StartOrchestrationOptions(id) { DedupeStatuses = EveryStatus }, cancellationToken).ConfigureAwait(false);
            return new JobStartResult(id, AlreadyExisted: false);
        }
        catch (Exception ex) when (DurableClientErrors.IsCancellation(ex, cancellationToken))
        {
            throw new OperationCanceledException("The start was canceled.", ex, cancellationToken);
        }
        catch (Exception)
        {
            // A concurrent start with the same id won the race: the instance exists once. The clients say so their own way
            // (DTFx's OrchestrationAlreadyExistsException from both; a raw RpcException AlreadyExists from a gRPC client that
            // does not convert it), and a backend's own write conflict is another way, so any refusal is settled by reading again.
            if (await client.GetInstanceAsync(id, false, cancellationToken).ConfigureAwait(false) is null)
            {
                throw;
            }

            span?.SetTag("mediagen.job.existed", true);
            return new JobStartResult(id, AlreadyExisted: true);
        }
    }
}
