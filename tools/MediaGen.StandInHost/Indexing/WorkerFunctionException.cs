namespace MediaGen.StandInHost.Indexing;

/// <summary>
/// The worker reported a function failure. Its message is the worker's failure as the Functions host words it
/// (<c>Result: Failure\nException: …\nStack: …</c>): thrown from a generated function, the triggering extension sees a failed
/// invocation and reads it as it reads the Functions host's (the Durable extension parses failure details out of it; the
/// queue listener retries, then moves the message to the poison queue).
/// </summary>
public sealed class WorkerFunctionException : Exception
{
    /// <summary>A failure with no detail.</summary>
    public WorkerFunctionException()
        : base("Result: Failure\nException: The function failed.\nStack: ")
    {
    }

    /// <summary>The worker's failure, worded as the Functions host words it.</summary>
    public WorkerFunctionException(string message)
        : base(message)
    {
    }

    /// <summary>The worker's failure caused by <paramref name="innerException"/>.</summary>
    public WorkerFunctionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
