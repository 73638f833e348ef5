using Azure;

namespace MediaGen.Core.Storage;

/// <summary>
/// Tells a storage account that is unavailable (unreachable, timing out, or answering 5xx) from one that refuses a request:
/// the first is what a retry after a pause fixes. The Azure SDK's failures count whether thrown as they are, as its retry
/// policy's <see cref="AggregateException"/>, or wrapped (the Durable Task backend wraps them in its own storage exception).
/// </summary>
public static class StorageOutage
{
    /// <summary>Whether <paramref name="exception"/> says the storage account is unavailable.</summary>
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        RequestFailedException { Status: 0 or 408 or >= 500 } => true,
        RequestFailedException => false,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsUnavailable),
        _ => exception.InnerException is { } inner && IsUnavailable(inner),
    };
}
