namespace MediaGen.Durable;

/// <summary>
/// What went wrong in an activity, sub-orchestration or orchestration: durable (serialized into
/// history) and independent of the exception types of the process that failed.
/// </summary>
/// <param name="ErrorType">Full name of the exception type.</param>
/// <param name="ErrorMessage">The exception message.</param>
/// <param name="StackTrace">The stack trace, when known.</param>
/// <param name="InnerFailure">The cause, when there is one.</param>
public sealed record TaskFailureDetails(
    string ErrorType,
    string ErrorMessage,
    string? StackTrace = null,
    TaskFailureDetails? InnerFailure = null)
{
    /// <summary>Whether the failure was caused by an exception of type <typeparamref name="T"/> (or a subclass).</summary>
    public bool IsCausedBy<T>()
        where T : Exception => IsCausedBy(typeof(T));

    /// <summary>Whether the failure was caused by an exception of <paramref name="exceptionType"/> (or a subclass).</summary>
    public bool IsCausedBy(Type exceptionType)
    {
        ArgumentNullException.ThrowIfNull(exceptionType);
        if (string.Equals(ErrorType, exceptionType.FullName, StringComparison.Ordinal))
        {
            return true;
        }

        // The failed type may be a subclass: resolve it by name among the loaded assemblies.
        var failedType = AppDomain.CurrentDomain.GetAssemblies()
            .Select(assembly => assembly.GetType(ErrorType, throwOnError: false))
            .FirstOrDefault(type => type is not null);
        return failedType is not null && exceptionType.IsAssignableFrom(failedType);
    }

    /// <summary>Failure details of <paramref name="exception"/>, its inner exceptions included.</summary>
    public static TaskFailureDetails FromException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is TaskFailedException failed)
        {
            return new(typeof(TaskFailedException).FullName!, failed.Message, failed.StackTrace, failed.FailureDetails);
        }

        var inner = exception is AggregateException { InnerExceptions.Count: 1 } aggregate
            ? aggregate.InnerExceptions[0]
            : exception.InnerException;
        return new(
            exception.GetType().FullName ?? exception.GetType().Name,
            exception.Message,
            exception.StackTrace,
            inner is null ? null : FromException(inner));
    }

    /// <inheritdoc />
    public override string ToString() =>
        InnerFailure is null ? $"{ErrorType}: {ErrorMessage}" : $"{ErrorType}: {ErrorMessage} ---> {InnerFailure}";
}
