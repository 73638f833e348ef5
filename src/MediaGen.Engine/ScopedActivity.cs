using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.DependencyInjection;

namespace MediaGen.Engine;

/// <summary>
/// Runs one activity execution in its own DI scope: the activity class and its scoped dependencies are created
/// for this execution and disposed when it ends, whatever the outcome.
/// </summary>
internal sealed class ScopedActivity(string name, Type type, IServiceScopeFactory scopes, DurableTaskShimFactory shims) : TaskActivity
{
    public override async Task<string?> RunAsync(TaskContext context, string? input)
    {
        await using var scope = scopes.CreateAsyncScope();
        var activity = (ITaskActivity)ActivatorUtilities.CreateInstance(scope.ServiceProvider, type);
        return await shims.CreateActivity(new TaskName(name), activity).RunAsync(context, input);
    }

    public override string Run(TaskContext context, string input) =>
        throw new NotSupportedException("Activities run asynchronously through RunAsync.");
}
