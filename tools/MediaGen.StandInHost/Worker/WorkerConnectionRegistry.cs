namespace MediaGen.StandInHost.Worker;

/// <summary>The connections awaiting their worker's stream, by the worker id each worker was started with.</summary>
internal sealed class WorkerConnectionRegistry
{
    private readonly ConcurrentDictionary<string, WorkerConnection> _expected = new(StringComparer.Ordinal);

    /// <summary>Awaits the stream of the worker started with <paramref name="connection"/>'s id.</summary>
    public void Expect(WorkerConnection connection) => _expected[connection.WorkerId] = connection;

    /// <summary>Stops awaiting a stream for <paramref name="workerId"/>.</summary>
    public void Forget(string workerId) => _expected.TryRemove(workerId, out _);

    /// <summary>Takes the connection awaiting <paramref name="workerId"/>'s stream, if any.</summary>
    public bool TryTake(string workerId, out WorkerConnection connection) => _expected.TryRemove(workerId, out connection!);
}
