namespace MediaGen.StandInHost.Worker;

/// <summary>A worker's failure as text.</summary>
internal static class WorkerFailure
{
    /// <summary>
    /// <paramref name="status"/> as the Functions host words a worker's failure (its <c>RpcException</c> message):
    /// <c>Result: {status}\nException: {message}\nStack: {stack}</c>, the shape the Durable extension parses into failure details.
    /// </summary>
    public static string Describe(StatusResult status) =>
        $"Result: {status.Status}\nException: {status.Exception?.Message ?? status.Result}\nStack: {status.Exception?.StackTrace}";
}
