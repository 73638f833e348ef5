using Grpc.Core;
using RpcException = Grpc.Core.RpcException;

namespace MediaGen.StandInHost.Worker;

/// <summary>
/// The host's <c>FunctionRpc</c> service: a worker opens <c>EventStream</c> and introduces itself with <c>StartStream</c>;
/// the stream is handed to the connection that awaits that worker id and lives as long as it serves.
/// </summary>
internal sealed class FunctionRpcService(WorkerConnectionRegistry registry) : FunctionRpc.FunctionRpcBase
{
    /// <inheritdoc />
    public override async Task EventStream(IAsyncStreamReader<StreamingMessage> requestStream, IServerStreamWriter<StreamingMessage> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(requestStream);
        ArgumentNullException.ThrowIfNull(context);
        if (!await requestStream.MoveNext(context.CancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var first = requestStream.Current;
        if (first.ContentCase != StreamingMessage.ContentOneofCase.StartStream)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"The first message must be StartStream, not {first.ContentCase}."));
        }

        if (!registry.TryTake(first.StartStream.WorkerId, out var connection))
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"No worker was started with id '{first.StartStream.WorkerId}'."));
        }

        await connection.RunAsync(requestStream, responseStream, context.CancellationToken).ConfigureAwait(false);
    }
}
