using Google.Protobuf.WellKnownTypes;

namespace MediaGen.StandInHost.Worker;

/// <summary>
/// One started worker: its process and its stream, brought up as the Functions host brings up a worker channel
/// (process start → <c>StartStream</c> → <c>WorkerInitRequest</c> → capabilities), then asked for its functions and told
/// to load them. Lost when the process exits or the stream ends.
/// </summary>
internal sealed partial class WorkerInstance : IAsyncDisposable
{
    private const string HttpUriCapability = "HttpUri";
    private const string HandlesWorkerTerminateCapability = "HandlesWorkerTerminateMessage";
    private const string HandlesInvocationCancelCapability = "HandlesInvocationCancelMessage";

    private readonly FunctionsWorkerOptions _options;
    private readonly ILogger _logger;
    private Lazy<Task>? _disposal;

    private WorkerInstance(WorkerProcess process, WorkerConnection connection, FunctionsWorkerOptions options, ILogger logger)
    {
        Process = process;
        Connection = connection;
        _options = options;
        _logger = logger;
        Lost = WhenLostAsync();
    }

    /// <summary>The worker's process.</summary>
    public WorkerProcess Process { get; }

    /// <summary>The worker's stream.</summary>
    public WorkerConnection Connection { get; }

    /// <summary>The capabilities the worker answered init with.</summary>
    public IReadOnlyDictionary<string, string> Capabilities { get; private set; } = new Dictionary<string, string>();

    /// <summary>The worker's own HTTP endpoint (ASP.NET Core integration), when it advertised one.</summary>
    public Uri? HttpUri { get; private set; }

    /// <summary>Whether the worker handles <c>InvocationCancel</c>.</summary>
    public bool HandlesInvocationCancel => Capabilities.ContainsKey(HandlesInvocationCancelCapability);

    /// <summary>Completes, with the reason, when the process exits or the stream ends or breaks.</summary>
    public Task<WorkerProcessExitException> Lost { get; }

    /// <summary>Starts a worker process and initialises it (not yet loaded).</summary>
    public static async Task<WorkerInstance> StartAsync(
        WorkerConfig config, FunctionsWorkerOptions options, WorkerRpcServer server, WorkerConnectionRegistry registry,
        ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var logger = loggerFactory.CreateLogger<WorkerInstance>();
        var connection = new WorkerConnection(Guid.NewGuid().ToString(), loggerFactory);
        registry.Expect(connection);
        WorkerProcess process;
        try
        {
            process = WorkerProcess.Start(config, options, server.Endpoint, connection.WorkerId, loggerFactory.CreateLogger<WorkerProcess>());
        }
        catch
        {
            registry.Forget(connection.WorkerId);
            throw;
        }

        connection.Label = $"Worker process {process.Id}";
        var worker = new WorkerInstance(process, connection, options, logger);
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(options.StartupTimeout);
            await worker.InitializeAsync(deadline.Token).ConfigureAwait(false);
            return worker;
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            await worker.DisposeAsync().ConfigureAwait(false);
            throw new TimeoutException($"Worker process {process.Id} did not start within {options.StartupTimeout}.", ex);
        }
        catch (WorkerProcessExitException ex)
        {
            // It stopped while starting: what it wrote to standard error says why (e.g. the app's settings validation).
            await Task.WhenAny(process.Exited, Task.Delay(options.GracePeriod, cancellationToken)).ConfigureAwait(false);
            var errors = process.LastErrors;
            await worker.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException(
                $"Worker process {process.Id} failed to start: {ex.Message}" + (errors.Length == 0 ? "" : " Its last errors:" + Environment.NewLine + errors), ex);
        }
        catch
        {
            await worker.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            registry.Forget(connection.WorkerId);
        }
    }

    /// <summary>Asks the worker for its functions (<c>FunctionsMetadataRequest</c>).</summary>
    /// <returns>The worker's answer; null when it asks the host to index <c>functions.metadata</c> itself.</returns>
    public async Task<IReadOnlyList<WorkerFunctionMetadata>?> IndexAsync(CancellationToken cancellationToken)
    {
        var answer = await RequestWithinStartupAsync(
            WorkerConnection.MetadataKey,
            new StreamingMessage { FunctionsMetadataRequest = new FunctionsMetadataRequest { FunctionAppDirectory = _options.AppDirectory } },
            cancellationToken).ConfigureAwait(false);
        var response = answer.FunctionMetadataResponse;
        return response.UseDefaultMetadataIndexing ? null : FunctionIndex.FromWorker(response);
    }

    /// <summary>Loads every function (one <c>FunctionLoadRequest</c> each, as the host does for a .NET worker).</summary>
    /// <exception cref="InvalidOperationException">The worker failed to load a function (all failures named).</exception>
    public async Task LoadAsync(IReadOnlyList<WorkerFunctionMetadata> functions, CancellationToken cancellationToken)
    {
        var loads = functions.Select(function => RequestWithinStartupAsync(
            WorkerConnection.LoadKey(function.FunctionId),
            new StreamingMessage { FunctionLoadRequest = FunctionIndex.LoadRequest(function) },
            cancellationToken));
        var answers = await Task.WhenAll(loads).ConfigureAwait(false);
        var failures = answers
            .Select(a => a.FunctionLoadResponse)
            .Where(r => r.Result is not { Status: StatusResult.Types.Status.Success })
            .Select(r => $"{functions.First(f => f.FunctionId == r.FunctionId).Name}: {WorkerFailure.Describe(r.Result ?? new StatusResult())}")
            .ToList();
        if (failures.Count > 0)
        {
            throw new InvalidOperationException($"Worker process {Process.Id} failed to load functions: {string.Join("; ", failures)}");
        }

        LogLoaded(_logger, Process.Id, functions.Count);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        var disposal = new Lazy<Task>(DisposeCoreAsync);
        return new ValueTask((Interlocked.CompareExchange(ref _disposal, disposal, null) ?? disposal).Value);
    }

    private async Task DisposeCoreAsync()
    {
        if (!Process.Exited.IsCompleted && Capabilities.ContainsKey(HandlesWorkerTerminateCapability) && !Connection.Lost.IsCompleted)
        {
            try
            {
                Connection.Send(new StreamingMessage { WorkerTerminate = new WorkerTerminate { GracePeriod = Duration.FromTimeSpan(_options.GracePeriod) } });
                await Process.Exited.WaitAsync(_options.GracePeriod).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is TimeoutException or WorkerProcessExitException)
            {
                LogTerminateIgnored(_logger, Process.Id, ex.Message);
            }
        }

        Connection.Lose(new WorkerProcessExitException($"Worker process {Process.Id} was stopped by the host."));
        await Process.DisposeAsync().ConfigureAwait(false);
    }

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        // The worker may die before it connects: wait for whichever comes first.
        await Task.WhenAny(Connection.Attached, Lost).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (Lost.IsCompleted)
        {
            throw await Lost.ConfigureAwait(false);
        }

        var request = new WorkerInitRequest
        {
            HostVersion = HostVersion,
            FunctionAppDirectory = _options.AppDirectory,
            WorkerDirectory = _options.AppDirectory,
        };
        var answer = await Connection.RequestAsync(WorkerConnection.InitKey, new StreamingMessage { WorkerInitRequest = request }, cancellationToken).ConfigureAwait(false);
        var response = answer.WorkerInitResponse;
        if (response.Result is not { Status: StatusResult.Types.Status.Success })
        {
            throw new InvalidOperationException($"Worker process {Process.Id} failed to initialise: {WorkerFailure.Describe(response.Result ?? new StatusResult())}");
        }

        Capabilities = response.Capabilities.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        if (Capabilities.TryGetValue(HttpUriCapability, out var httpUri) && !string.IsNullOrEmpty(httpUri))
        {
            HttpUri = Uri.TryCreate(httpUri, UriKind.Absolute, out var uri)
                ? uri
                : throw new InvalidOperationException($"Worker process {Process.Id} advertised an invalid {HttpUriCapability} '{httpUri}'.");
        }

        LogInitialized(_logger, Process.Id, response.WorkerMetadata?.RuntimeVersion ?? "", response.WorkerMetadata?.WorkerVersion ?? "", string.Join(", ", Capabilities.Keys.Order(StringComparer.Ordinal)));
    }

    private async Task<StreamingMessage> RequestWithinStartupAsync(string key, StreamingMessage message, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.StartupTimeout);
        try
        {
            return await Connection.RequestAsync(key, message, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Worker process {Process.Id} did not answer {message.ContentCase} within {_options.StartupTimeout}.", ex);
        }
    }

    private async Task<WorkerProcessExitException> WhenLostAsync()
    {
        var first = await Task.WhenAny(Process.Exited, Connection.Lost).ConfigureAwait(false);
        if (first == Process.Exited)
        {
            Connection.Lose(new WorkerProcessExitException($"Worker process {Process.Id} exited with code {Process.Exited.Result}."));
        }
        else
        {
            // The stream is gone but the process may live on: it cannot be reached any more, so it is ended.
            Process.Kill();
        }

        return await Connection.Lost.ConfigureAwait(false);
    }

    private static string HostVersion { get; } = "stand-in/" + typeof(WorkerInstance).Assembly.GetName().Version;

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker process {Pid} initialised (.NET {RuntimeVersion}, worker {WorkerVersion}); capabilities: {Capabilities}")]
    private static partial void LogInitialized(ILogger logger, int pid, string runtimeVersion, string workerVersion, string capabilities);

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker process {Pid} loaded {Count} functions")]
    private static partial void LogLoaded(ILogger logger, int pid, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Worker process {Pid} did not stop on WorkerTerminate ({Reason}); killing it")]
    private static partial void LogTerminateIgnored(ILogger logger, int pid, string reason);
}
