using System.Threading.Channels;
using Grpc.Core;
using RpcException = Grpc.Core.RpcException;
using MsgType = MediaGen.StandInHost.Protocol.StreamingMessage.ContentOneofCase;

namespace MediaGen.StandInHost.Worker;

/// <summary>
/// The host's end of one worker's <c>EventStream</c>: messages to the worker go through one writer; answers are matched to
/// what awaits them by kind and id (init, metadata, a function's load, an invocation); worker logs go to the host's log.
/// When the stream ends or breaks, or the host declares the worker lost, everything awaiting an answer fails with
/// <see cref="WorkerProcessExitException"/>.
/// </summary>
internal sealed partial class WorkerConnection
{
    private readonly Channel<StreamingMessage> _outbound = Channel.CreateUnbounded<StreamingMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, TaskCompletionSource<StreamingMessage>> _pending = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _attached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<WorkerProcessExitException> _lost = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private int _running;

    public WorkerConnection(string workerId, ILoggerFactory loggerFactory)
    {
        WorkerId = workerId;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<WorkerConnection>();
    }

    /// <summary>The id the worker was started with and introduced itself by (<c>StartStream.worker_id</c>).</summary>
    public string WorkerId { get; }

    /// <summary>How messages name the worker (its process, once started).</summary>
    public string Label { get; set; } = "The worker";

    /// <summary>Completes when the worker has opened its stream.</summary>
    public Task Attached => _attached.Task;

    /// <summary>Completes, with the reason, when the connection is lost.</summary>
    public Task<WorkerProcessExitException> Lost => _lost.Task;

    /// <summary>The key of the worker's <c>WorkerInitResponse</c>.</summary>
    public static string InitKey => "init";

    /// <summary>The key of the worker's <c>FunctionMetadataResponse</c>.</summary>
    public static string MetadataKey => "metadata";

    /// <summary>The key of the <c>FunctionLoadResponse</c> for <paramref name="functionId"/>.</summary>
    public static string LoadKey(string functionId) => "load:" + functionId;

    /// <summary>The key of the <c>InvocationResponse</c> for <paramref name="invocationId"/>.</summary>
    public static string InvocationKey(string invocationId) => "invocation:" + invocationId;

    /// <summary>Serves the worker's stream (after its <c>StartStream</c>) until it ends or the connection is lost.</summary>
    public async Task RunAsync(IAsyncStreamReader<StreamingMessage> requests, IServerStreamWriter<StreamingMessage> responses, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            throw new InvalidOperationException($"Worker {WorkerId} opened a second stream.");
        }

        _attached.TrySetResult();
        var writing = WriteAsync(responses, cancellationToken);
        try
        {
            while (await requests.MoveNext(cancellationToken).ConfigureAwait(false))
            {
                Dispatch(requests.Current);
            }

            Lose(new WorkerProcessExitException($"{Label} closed its stream."));
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or RpcException or InvalidOperationException)
        {
            Lose(new WorkerProcessExitException($"{Label}'s stream broke: {ex.Message}", ex));
        }

        await writing.ConfigureAwait(false);
    }

    /// <summary>Registers interest in the answer under <paramref name="key"/>; call before sending what it answers.</summary>
    /// <exception cref="WorkerProcessExitException">The connection is lost.</exception>
    public Task<StreamingMessage> Expect(string key)
    {
        var answer = new TaskCompletionSource<StreamingMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_pending.TryAdd(key, answer))
        {
            throw new InvalidOperationException($"An answer for {key} is already awaited from worker {WorkerId}.");
        }

        // Lose() fails what is pending after it has marked the connection lost: re-check, so nothing added meanwhile hangs.
        if (_lost.Task.IsCompleted)
        {
            _pending.TryRemove(key, out _);
            throw Copy(_lost.Task.Result);
        }

        return answer.Task;
    }

    /// <summary>Stops waiting for the answer under <paramref name="key"/>.</summary>
    public void Forget(string key) => _pending.TryRemove(key, out _);

    /// <summary>Queues <paramref name="message"/> for the worker.</summary>
    /// <exception cref="WorkerProcessExitException">The connection is lost.</exception>
    public void Send(StreamingMessage message)
    {
        if (!_outbound.Writer.TryWrite(message))
        {
            throw Copy(_lost.Task.IsCompleted ? _lost.Task.Result : new WorkerProcessExitException($"{Label} is gone."));
        }
    }

    /// <summary>Sends <paramref name="message"/> and waits for the answer under <paramref name="key"/>.</summary>
    public async Task<StreamingMessage> RequestAsync(string key, StreamingMessage message, CancellationToken cancellationToken)
    {
        var answer = Expect(key);
        try
        {
            Send(message);
            return await answer.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Forget(key);
        }
    }

    /// <summary>Marks the connection lost: pending answers fail with (a copy of) <paramref name="reason"/>, the stream is closed.</summary>
    public void Lose(WorkerProcessExitException reason)
    {
        if (!_lost.TrySetResult(reason))
        {
            return;
        }

        _outbound.Writer.TryComplete();
        foreach (var key in _pending.Keys)
        {
            if (_pending.TryRemove(key, out var answer))
            {
                answer.TrySetException(Copy(reason));
            }
        }

        LogLost(_logger, WorkerId, reason.Message);
    }

    private static WorkerProcessExitException Copy(WorkerProcessExitException reason) => new(reason.Message, reason.InnerException);

    private async Task WriteAsync(IServerStreamWriter<StreamingMessage> responses, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in _outbound.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await responses.WriteAsync(message, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or RpcException or InvalidOperationException)
        {
            Lose(new WorkerProcessExitException($"{Label}: writing to its stream failed: {ex.Message}", ex));
        }
    }

    private void Dispatch(StreamingMessage message)
    {
        var key = message.ContentCase switch
        {
            MsgType.WorkerInitResponse => InitKey,
            MsgType.FunctionMetadataResponse => MetadataKey,
            MsgType.FunctionLoadResponse => LoadKey(message.FunctionLoadResponse.FunctionId),
            MsgType.InvocationResponse => InvocationKey(message.InvocationResponse.InvocationId),
            _ => null,
        };
        if (key is not null)
        {
            if (_pending.TryRemove(key, out var answer))
            {
                answer.TrySetResult(message);
            }
            else
            {
                LogUnawaited(_logger, WorkerId, key);
            }
        }
        else if (message.ContentCase == MsgType.RpcLog)
        {
            WorkerLogs.Write(_loggerFactory, message.RpcLog);
        }
        else if (message.ContentCase == MsgType.None)
        {
            // A message of a kind outside the host's subset of the protocol (Protos/FunctionRpc.proto): the worker sends one
            // as it stops. Nothing here needs it.
            LogOutsideSubset(_logger, WorkerId);
        }
        else
        {
            LogUnexpected(_logger, WorkerId, message.ContentCase.ToString());
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Worker {WorkerId} connection lost: {Reason}")]
    private static partial void LogLost(ILogger logger, string workerId, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Worker {WorkerId} answered {Key}, which nothing awaits (any more)")]
    private static partial void LogUnawaited(ILogger logger, string workerId, string key);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Worker {WorkerId} sent a message of a kind outside the stand-in host's protocol subset")]
    private static partial void LogOutsideSubset(ILogger logger, string workerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Worker {WorkerId} sent a {MessageType} message, which the stand-in host does not handle")]
    private static partial void LogUnexpected(ILogger logger, string workerId, string messageType);
}
