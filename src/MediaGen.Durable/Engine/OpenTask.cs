namespace MediaGen.Durable.Engine;

/// <summary>An awaited activity or sub-orchestration: completes its task from a result or failure event.</summary>
internal sealed class OpenTask<T>(string name, int taskId) : IOpenTask
{
    private readonly TaskCompletionSource<T> _completion = new();

    public Task<T> Task => _completion.Task;

    public void Complete(string? result)
    {
        try
        {
            _completion.TrySetResult(JsonDataConverter.Deserialize<T>(result)!);
        }
        catch (System.Text.Json.JsonException ex)
        {
            _completion.TrySetException(ex);
        }
    }

    public void Fail(TaskFailureDetails failure) => _completion.TrySetException(new TaskFailedException(name, taskId, failure));
}
