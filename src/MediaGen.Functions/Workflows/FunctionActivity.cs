using Microsoft.DurableTask;

namespace MediaGen.Functions.Workflows;

/// <summary>Runs an activity class for an activity function, as Microsoft.DurableTask's source generator does for Functions.</summary>
internal static class FunctionActivity
{
    /// <summary>Resolves <typeparamref name="TActivity"/> from the invocation's services (or creates it with them) and runs it.</summary>
    public static Task<TOutput> RunAsync<TActivity, TInput, TOutput>(TInput input, string instanceId, FunctionContext executionContext)
        where TActivity : TaskActivity<TInput, TOutput>
    {
        ArgumentNullException.ThrowIfNull(executionContext);
        var activity = ActivatorUtilities.GetServiceOrCreateInstance<TActivity>(executionContext.InstanceServices);
        return activity.RunAsync(new FunctionActivityContext(typeof(TActivity).Name, instanceId), input);
    }
}
