using DurableTask.Core;
using DurableTask.Core.Exceptions;
using MediaGen.Core.Storage;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.DependencyInjection;

namespace MediaGen.Engine;

/// <summary>
/// Runs one activity execution in its own DI scope: the activity class and its scoped dependencies are created
/// for this execution and disposed when it ends, whatever the outcome. An execution that failed because storage was
/// unavailable is not reported as the activity's failure (that would fail its job for an outage): DTFx is told the
/// execution was aborted, abandons the work item, and the activity runs again once storage answers, as after a crash
/// (activities are idempotent).
/// </summary>
internal sealed class ScopedActivity(string name, Type type, IServiceScopeFactory scopes, DurableTaskShimFactory shims) : TaskActivity
{
    public override async Task<string?> RunAsync(TaskContext context, string? input)
    {
        await using var scope = scopes.CreateAsyncScope();
        var activity = (ITaskActivity)ActivatorUtilities.CreateInstance(scope.ServiceProvider, type);
        try
        {
            return await shims.CreateActivity(new TaskName(name), activity).RunAsync(context, input);
        }
        catch (Exception e) when (StorageOutage.IsUnavailable(e))
        {
            throw new SessionAbortedException($"Activity {name} could not reach storage; it runs again once storage answers.", e);
        }
    }

    public override string Run(TaskContext context, string input) =>
        throw new NotSupportedException("Activities run asynchronously through RunAsync.");
}
