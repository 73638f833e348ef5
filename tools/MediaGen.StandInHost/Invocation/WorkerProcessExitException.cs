namespace MediaGen.StandInHost.Invocation;

/// <summary>
/// The worker process exited (or its protocol stream broke) before it answered an invocation. Not a function failure: a
/// generated function lets it propagate, so the triggering extension treats the invocation as a platform failure and
/// retries it, as with the Functions host's exception of the same name (the Durable extension recognises it by that name
/// and aborts the work item instead of failing the orchestration or activity).
/// </summary>
public sealed class WorkerProcessExitException : Exception
{
    /// <summary>An exit with no detail.</summary>
    public WorkerProcessExitException()
        : base("The worker process exited.")
    {
    }

    /// <summary>An exit described by <paramref name="message"/>.</summary>
    public WorkerProcessExitException(string message)
        : base(message)
    {
    }

    /// <summary>An exit described by <paramref name="message"/>, caused by <paramref name="innerException"/>.</summary>
    public WorkerProcessExitException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
