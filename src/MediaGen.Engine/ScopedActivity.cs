using DurableTask.Core.Exceptions;

namespace MediaGen.Engine;

/// <summary>
/// Runs one activity execution in its own DI scope: the activity class and its scoped dependencies are created
/// for this execution and disposed when it ends, whatever the outcome. An execution that failed because storage was
/// unavailable is not reported as the activity's failure (that would fail its job for an outage): it runs again in place
/// once storage may answer (<see cref="StorageOutageRetry"/>; activities are idempotent), and only after that is DTFx told
/// the execution was aborted, so it abandons the work item. Running again in place keeps the work item, which DTFx's
/// backend could not give back while storage is down (its activity session would leak, docs/durable.md); from its first
/// outage failure until its work item is completed or abandoned the activity is held at the <see cref="ActivityOutageGate"/>,
/// so this process takes no other activity message meanwhile (its own message would be among them).
/// </summary>
internal sealed partial class ScopedActivity(
    string name, Type type, IServiceScopeFactory scopes, DurableTaskShimFactory shims, ActivityOutageGate gate, ILogger logger) : TaskActivity
{
    public override async Task<string?> RunAsync(TaskContext context, string? input)
    {
        try
        {
            return await StorageOutageRetry.RunAsync(() => RunOnceAsync(context, input), (e, attempt, delay) =>
            {
                gate.Hold(ActivityOutageGate.KeyOf(context));
                LogStorageUnavailable(name, attempt, delay, e.Message);
            });
        }
        catch (Exception e) when (StorageOutage.IsUnavailable(e))
        {
            throw new SessionAbortedException($"Activity {name} could not reach storage; it runs again once storage answers.", e);
        }
    }

    public override string Run(TaskContext context, string input) =>
        throw new NotSupportedException("Activities run asynchronously through RunAsync.");

    private async Task<string?> RunOnceAsync(TaskContext context, string? input)
    {
        await using var scope = scopes.CreateAsyncScope();
        var activity = (ITaskActivity)ActivatorUtilities.CreateInstance(scope.ServiceProvider, type);
        return await shims.CreateActivity(new TaskName(name), activity).RunAsync(context, input);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Activity {ActivityName} could not reach storage (run {Attempt}); running it again in {Delay}: {Reason}")]
    private partial void LogStorageUnavailable(string activityName, int attempt, TimeSpan delay, string reason);
}
