using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace MediaGen.StandInHost.Worker;

/// <summary>
/// The worker side of the stand-in host: serves <c>FunctionRpc</c>, starts the app's worker process, indexes the app's
/// functions from the worker's own metadata and loads them, runs invocations in the worker, and, when the worker exits or
/// its stream breaks, fails what it was running (<see cref="WorkerProcessExitException"/>) and starts, initialises and
/// loads a new one, which serves the next invocations.
/// </summary>
public sealed partial class WorkerSupervisor : IWorkerInvoker, IAsyncDisposable
{
    private const string HttpTriggerType = "httpTrigger";

    private readonly FunctionsWorkerOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly WorkerConnectionRegistry _registry = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly HttpInvocationProxy _httpProxy;
    private TaskCompletionSource<WorkerInstance> _ready = NewSlot();
    private WorkerConfig? _config;
    private WorkerRpcServer? _server;
    private Dictionary<string, IndexedFunction> _functions = new(StringComparer.Ordinal);
    private Task _supervision = Task.CompletedTask;
    private int _started;

    /// <summary>A supervisor for the worker <paramref name="options"/> describe (validated here).</summary>
    public WorkerSupervisor(IOptions<FunctionsWorkerOptions> options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _options = options.Value;
        Validator.ValidateObject(_options, new ValidationContext(_options), validateAllProperties: true);
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<WorkerSupervisor>();
        _httpProxy = new HttpInvocationProxy(loggerFactory.CreateLogger<HttpInvocationProxy>());
    }

    /// <summary>The app's functions, as the worker indexed them (empty before <see cref="StartAsync"/>).</summary>
    public IReadOnlyList<WorkerFunctionMetadata> Functions => [.. _functions.Values.Select(f => f.Metadata)];

    /// <summary>The process id of the worker serving invocations now, if one is ready.</summary>
    public int? ProcessId
    {
        get
        {
            var ready = CurrentSlot().Task;
            return ready.IsCompletedSuccessfully ? ready.Result.Process.Id : null;
        }
    }

    /// <summary>
    /// Starts the gRPC endpoint and the first worker; indexes the app's functions (the worker's metadata, or
    /// <c>functions.metadata</c> when the worker leaves indexing to the host) and loads every one.
    /// </summary>
    /// <returns>The indexed functions.</returns>
    /// <exception cref="InvalidOperationException">The worker could not start, index or load in time (the worker's own message where it gave one).</exception>
    public async Task<IReadOnlyList<WorkerFunctionMetadata>> StartAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            throw new InvalidOperationException("The worker supervisor is already started.");
        }

        _config = WorkerConfig.Read(_options.AppDirectory);
        _server = await WorkerRpcServer.StartAsync(_registry, _loggerFactory, cancellationToken).ConfigureAwait(false);
        LogListening(_logger, _server.Endpoint);
        WorkerInstance worker;
        try
        {
            worker = await StartWorkerAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or WorkerProcessExitException)
        {
            throw new InvalidOperationException(ex.Message, ex);
        }

        try
        {
            var indexed = (_config.WorkerIndexing ? await worker.IndexAsync(cancellationToken).ConfigureAwait(false) : null)
                ?? FunctionIndex.FromFile(_options.AppDirectory);
            if (indexed.Count == 0)
            {
                throw new InvalidOperationException($"The app in {_options.AppDirectory} has no functions.");
            }

            await worker.LoadAsync(indexed, cancellationToken).ConfigureAwait(false);
            _functions = indexed.ToDictionary(f => f.Name, f => new IndexedFunction(f, HttpTriggerName(f)), StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is TimeoutException or WorkerProcessExitException or NotSupportedException)
        {
            await worker.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"Worker process {worker.Process.Id} could not index or load the app's functions: {ex.Message}", ex);
        }
        catch
        {
            await worker.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        foreach (var function in _functions.Values)
        {
            LogFunction(_logger, function.Metadata.Name, string.Join(", ", function.Metadata.RawBindings.Select(Describe)));
        }

        Publish(worker);
        _supervision = SuperviseAsync(worker);
        return Functions;
    }

    /// <inheritdoc />
    public async Task<InvocationOutcome> InvokeAsync(FunctionInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        if (!_functions.TryGetValue(invocation.FunctionName, out var function))
        {
            throw new ArgumentException($"The app has no function named '{invocation.FunctionName}'.", nameof(invocation));
        }

        var worker = await CurrentSlot().Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (invocation.Http is null)
            {
                return await InvokeInWorkerAsync(worker, TypedDataConversion.Request(function.Metadata.FunctionId, invocation, []), cancellationToken).ConfigureAwait(false);
            }

            return await _httpProxy.InvokeAsync(worker, function, invocation, request => InvokeInWorkerAsync(worker, request, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (WorkerProcessExitException)
        {
            // Later invocations wait for the replacement rather than reach this worker.
            MarkLost(worker);
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        var ready = CurrentSlot().Task;
        if (ready.IsCompletedSuccessfully)
        {
            // Supervision sees it lost, and ends (it stops replacing workers once stopping).
            await ready.Result.DisposeAsync().ConfigureAwait(false);
        }

        await _supervision.ConfigureAwait(false);
        lock (_gate)
        {
            // From now on every invocation fails at once, as one in flight on a stopping host does.
            var stopped = new WorkerProcessExitException("The stand-in host is stopping.");
            if (!_ready.TrySetException(stopped))
            {
                _ready = NewSlot();
                _ready.SetException(stopped);
            }
        }

        _httpProxy.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    private static TaskCompletionSource<WorkerInstance> NewSlot() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static string? HttpTriggerName(WorkerFunctionMetadata function)
    {
        foreach (var raw in function.RawBindings)
        {
            using var binding = JsonDocument.Parse(raw);
            if (string.Equals(binding.RootElement.GetProperty("type").GetString(), HttpTriggerType, StringComparison.OrdinalIgnoreCase))
            {
                return binding.RootElement.GetProperty("name").GetString();
            }
        }

        return null;
    }

    private static string Describe(string rawBinding)
    {
        using var binding = JsonDocument.Parse(rawBinding);
        var root = binding.RootElement;
        return $"{root.GetProperty("type").GetString()} {root.GetProperty("name").GetString()}";
    }

    private async Task<InvocationOutcome> InvokeInWorkerAsync(WorkerInstance worker, InvocationRequest request, CancellationToken cancellationToken)
    {
        var key = WorkerConnection.InvocationKey(request.InvocationId);
        var answer = worker.Connection.Expect(key);
        try
        {
            worker.Connection.Send(new StreamingMessage { InvocationRequest = request });
            try
            {
                return TypedDataConversion.Outcome((await answer.WaitAsync(cancellationToken).ConfigureAwait(false)).InvocationResponse);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && worker.HandlesInvocationCancel)
            {
                // As the Functions host does: tell the worker, and take its (canceled) answer if it comes in time.
                worker.Connection.Send(new StreamingMessage { InvocationCancel = new InvocationCancel { InvocationId = request.InvocationId } });
                try
                {
                    return TypedDataConversion.Outcome((await answer.WaitAsync(_options.GracePeriod, CancellationToken.None).ConfigureAwait(false)).InvocationResponse);
                }
                catch (TimeoutException)
                {
                    throw new OperationCanceledException($"Invocation {request.InvocationId} was canceled and the worker did not answer within {_options.GracePeriod}.", cancellationToken);
                }
            }
        }
        finally
        {
            worker.Connection.Forget(key);
        }
    }

    private Task<WorkerInstance> StartWorkerAsync(CancellationToken cancellationToken) =>
        WorkerInstance.StartAsync(_config!, _options, _server!, _registry, _loggerFactory, cancellationToken);

    private async Task SuperviseAsync(WorkerInstance worker)
    {
        var current = worker;
        while (true)
        {
            var reason = await current.Lost.ConfigureAwait(false);
            MarkLost(current);
            await current.DisposeAsync().ConfigureAwait(false);
            if (_stopping.IsCancellationRequested)
            {
                return;
            }

            LogRestarting(_logger, current.Process.Id, reason.Message);
            var replacement = await RestartAsync().ConfigureAwait(false);
            if (replacement is null)
            {
                return;
            }

            Publish(replacement);
            if (_stopping.IsCancellationRequested)
            {
                // Stopping began while it started: the stop may not have seen it.
                await replacement.DisposeAsync().ConfigureAwait(false);
                return;
            }

            current = replacement;
        }
    }

    private async Task<WorkerInstance?> RestartAsync()
    {
        Exception? last = null;
        for (var attempt = 1; attempt <= _options.MaxConsecutiveStartFailures && !_stopping.IsCancellationRequested; attempt++)
        {
            WorkerInstance? worker = null;
            try
            {
                worker = await StartWorkerAsync(_stopping.Token).ConfigureAwait(false);
                await worker.LoadAsync(Functions, _stopping.Token).ConfigureAwait(false);
                return worker;
            }
            catch (Exception ex) when (!_stopping.IsCancellationRequested)
            {
                // Any start-up failure counts as one attempt; the last one is what invocations report.
                last = ex;
                LogRestartFailed(_logger, attempt, _options.MaxConsecutiveStartFailures, ex.Message);
                if (worker is not null)
                {
                    await worker.DisposeAsync().ConfigureAwait(false);
                }
            }
            catch (Exception) when (_stopping.IsCancellationRequested)
            {
                // The host stopped while this worker was starting: nothing to replace any more.
                if (worker is not null)
                {
                    await worker.DisposeAsync().ConfigureAwait(false);
                }

                break;
            }
        }

        CurrentSlot().TrySetException(last is null
            ? new WorkerProcessExitException("The stand-in host is stopping.")
            : new InvalidOperationException($"No worker could be started after {_options.MaxConsecutiveStartFailures} attempts: {last.Message}", last));
        return null;
    }

    private TaskCompletionSource<WorkerInstance> CurrentSlot()
    {
        lock (_gate)
        {
            return _ready;
        }
    }

    private void Publish(WorkerInstance worker)
    {
        lock (_gate)
        {
            if (!_ready.TrySetResult(worker))
            {
                throw new InvalidOperationException("A worker is already serving.");
            }
        }
    }

    private void MarkLost(WorkerInstance worker)
    {
        lock (_gate)
        {
            if (_ready.Task.IsCompletedSuccessfully && ReferenceEquals(_ready.Task.Result, worker))
            {
                _ready = NewSlot();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Functions host<->worker gRPC endpoint: {Endpoint}")]
    private static partial void LogListening(ILogger logger, Uri endpoint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Function {Function} loaded: {Bindings}")]
    private static partial void LogFunction(ILogger logger, string function, string bindings);

    [LoggerMessage(Level = LogLevel.Error, Message = "Worker process {Pid} was lost ({Reason}); starting a new one")]
    private static partial void LogRestarting(ILogger logger, int pid, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Starting a replacement worker failed (attempt {Attempt} of {MaxAttempts}): {Reason}")]
    private static partial void LogRestartFailed(ILogger logger, int attempt, int maxAttempts, string reason);
}
