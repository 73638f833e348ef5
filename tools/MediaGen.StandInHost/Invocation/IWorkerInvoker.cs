namespace MediaGen.StandInHost.Invocation;

/// <summary>
/// The seam between the WebJobs side of the stand-in host (real extensions fire a generated function for each function in
/// the app's metadata) and the worker side (the worker process over the Functions host↔worker gRPC protocol). A generated
/// function gathers what the real triggers and bindings gave it and hands it over here; the worker side runs it in the
/// worker and returns what the worker answered.
/// </summary>
public interface IWorkerInvoker
{
    /// <summary>Runs one invocation of a function in the worker and returns its outcome (never throws for a function failure).</summary>
    /// <exception cref="WorkerProcessExitException">The worker process exited or its stream broke before it answered; let it propagate (the trigger retries).</exception>
    Task<InvocationOutcome> InvokeAsync(FunctionInvocation invocation, CancellationToken cancellationToken);
}
