namespace MediaGen.Durable.Engine;

/// <summary>A pending <c>WaitForExternalEvent</c>: completes from an event's payload.</summary>
internal sealed class EventWaiter<T> : IEventWaiter
{
    private readonly TaskCompletionSource<T> _completion = new();

    public Task<T> Task => _completion.Task;

    public bool IsDone => _completion.Task.IsCompleted;

    public void Deliver(string? payload)
    {
        try
        {
            _completion.TrySetResult(JsonDataConverter.Deserialize<T>(payload)!);
        }
        catch (System.Text.Json.JsonException ex)
        {
            _completion.TrySetException(ex);
        }
    }

    public void Cancel(CancellationToken cancellationToken) => _completion.TrySetCanceled(cancellationToken);
}
