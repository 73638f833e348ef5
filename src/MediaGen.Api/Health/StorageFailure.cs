namespace MediaGen.Api.Health;

/// <summary>One-line reasons for the storage failures a health check reports (never the SDK's multi-line messages).</summary>
internal static class StorageFailure
{
    /// <summary>Why a storage call failed, or null for an exception that is not a storage failure.</summary>
    public static string? Describe(Exception exception) => exception switch
    {
        Azure.RequestFailedException { Status: > 0 } ex => $"answered {ex.Status} ({ex.ErrorCode})",
        Azure.RequestFailedException ex => $"could not be reached ({ex.InnerException?.Message ?? ex.Message.Split('\n')[0]})",

        // The SDK's retry policy gives up with an AggregateException of the attempts' failures.
        AggregateException ex when ex.InnerExceptions.All(e => e is Azure.RequestFailedException or HttpRequestException) =>
            $"could not be reached ({ex.InnerExceptions[^1].Message.Split('\n')[0]})",
        HttpRequestException ex => $"could not be reached ({ex.Message})",
        _ => null,
    };

    /// <summary>Why storage is unavailable, in one line (<see cref="Describe"/>'s words), or null when it is not (<see cref="Core.Storage.StorageOutage"/>).</summary>
    public static string? UnavailableReason(Exception exception) => !Core.Storage.StorageOutage.IsUnavailable(exception) ? null
        : Describe(exception) ?? (exception.InnerException is { } inner ? UnavailableReason(inner) : "could not be reached");
}
