namespace MediaGen.Workflows.Orchestrations;

/// <summary>
/// Durable waits that are never early. The Azure Storage backend rounds a timer message's visibility delay down to whole
/// seconds, so a timer may fire up to ~1 s before its time (DESIGN §1); a wait that woke early waits again for the rest.
/// </summary>
internal static class DurableTimers
{
    /// <summary>The backend's timer granularity: a shorter remaining wait would fire at once.</summary>
    private static readonly TimeSpan Granularity = TimeSpan.FromSeconds(1);

    /// <summary>Completes once the orchestration's time has reached <paramref name="fireAt"/> (UTC); cancelling the token cancels it.</summary>
    public static async Task UntilAsync(TaskOrchestrationContext context, DateTime fireAt, CancellationToken cancellationToken)
    {
        var due = DateTime.SpecifyKind(fireAt, DateTimeKind.Utc);
        var at = due;
        while (context.CurrentUtcDateTime < due)
        {
            await context.CreateTimer(at, cancellationToken);

            // Woke early: the rest is under the granularity, so wait one whole unit (at most that much late, never early).
            at = context.CurrentUtcDateTime + Granularity;
        }
    }
}
