using Dt = Microsoft.DurableTask;
using Mg = MediaGen.Durable;

namespace MediaGen.Functions.Durable;

/// <summary>Maps MediaGen's workflow types onto Microsoft.DurableTask's and back; no logic of its own.</summary>
internal static class DurableConversions
{
    public static Dt.TaskName ToDurable(this Mg.TaskName name) => new(name.Name);

    public static Dt.TaskOptions? ToDurable(this Mg.TaskOptions? options) => options switch
    {
        null => null,
        Mg.SubOrchestrationOptions sub => new Dt.SubOrchestrationOptions(options.RetryPolicy.ToDurableRetry(), sub.InstanceId),
        _ => new Dt.TaskOptions(options.RetryPolicy.ToDurableRetry()),
    };

    public static Dt.TaskRetryOptions? ToDurableRetry(this Mg.RetryPolicy? policy) => policy is null
        ? null
        : new Dt.RetryPolicy(policy.MaxNumberOfAttempts, policy.FirstRetryInterval, policy.BackoffCoefficient, policy.MaxRetryInterval, policy.RetryTimeout)
        {
            HandleFailure = failure => policy.HandleFailure(failure.ToMediaGen()!),
        };

    public static Mg.TaskFailureDetails? ToMediaGen(this Dt.TaskFailureDetails? details) => details is null
        ? null
        : new Mg.TaskFailureDetails(details.ErrorType, details.ErrorMessage, details.StackTrace, details.InnerFailure.ToMediaGen());

    public static Mg.TaskFailedException ToMediaGen(this Dt.TaskFailedException failed) =>
        new(failed.TaskName, failed.TaskId, failed.FailureDetails.ToMediaGen()!);

    /// <summary>Runs a durable call, surfacing its failure as MediaGen's one failure type.</summary>
    public static async Task<T> Translate<T>(Task<T> call)
    {
        try
        {
            return await call;
        }
        catch (Dt.TaskFailedException failed)
        {
            throw failed.ToMediaGen();
        }
    }
}
