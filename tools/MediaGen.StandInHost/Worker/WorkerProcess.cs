using System.Diagnostics;

namespace MediaGen.StandInHost.Worker;

/// <summary>
/// One worker process, started as the Functions host starts a dotnet-isolated worker: <c>dotnet &lt;app&gt;.dll</c> in the
/// app directory with the host's start-up arguments (both the legacy and the <c>--functions-</c> forms) and environment
/// (the host's own, the app settings, <c>FUNCTIONS_WORKER_DIRECTORY</c> and <c>FUNCTIONS_APPLICATION_DIRECTORY</c>). Its
/// standard output and error go to the log, line by line.
/// </summary>
internal sealed partial class WorkerProcess : IAsyncDisposable
{
    private const int MaxMessageLength = int.MaxValue;
    private const int KeptErrorLines = 20;

    private readonly Process _process;
    private readonly ILogger _logger;
    private readonly Queue<string> _lastErrors;

    private WorkerProcess(Process process, ILogger logger, Queue<string> lastErrors)
    {
        _process = process;
        _logger = logger;
        _lastErrors = lastErrors;
        Id = process.Id;
        Exited = WaitForExitAsync();
    }

    /// <summary>The process id.</summary>
    public int Id { get; }

    /// <summary>Completes with the exit code when the process has exited.</summary>
    public Task<int> Exited { get; }

    /// <summary>The last lines the process wrote to standard error (why it failed to start, typically).</summary>
    public string LastErrors
    {
        get
        {
            lock (_lastErrors)
            {
                return string.Join(Environment.NewLine, _lastErrors);
            }
        }
    }

    /// <summary>Starts a worker that will connect to <paramref name="hostEndpoint"/> and introduce itself as <paramref name="workerId"/>.</summary>
    public static WorkerProcess Start(WorkerConfig config, FunctionsWorkerOptions options, Uri hostEndpoint, string workerId, ILogger logger)
    {
        var requestId = Guid.NewGuid().ToString();
        var maxLength = MaxMessageLength.ToString(CultureInfo.InvariantCulture);
        var startInfo = new ProcessStartInfo(config.ExecutablePath)
        {
            WorkingDirectory = options.AppDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
        };
        foreach (var argument in new[]
                 {
                     config.WorkerPath,
                     "--host", hostEndpoint.Host, "--port", hostEndpoint.Port.ToString(CultureInfo.InvariantCulture),
                     "--workerId", workerId, "--requestId", requestId, "--grpcMaxMessageLength", maxLength,
                     "--functions-uri", hostEndpoint.AbsoluteUri, "--functions-worker-id", workerId,
                     "--functions-request-id", requestId, "--functions-grpc-max-message-length", maxLength,
                 })
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in options.Environment)
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }

        startInfo.Environment["FUNCTIONS_WORKER_DIRECTORY"] = options.AppDirectory;
        startInfo.Environment["FUNCTIONS_APPLICATION_DIRECTORY"] = options.AppDirectory;

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var lastErrors = new Queue<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                LogOutput(logger, process.Id, line);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                LogError(logger, process.Id, line);
                lock (lastErrors)
                {
                    lastErrors.Enqueue(line);
                    if (lastErrors.Count > KeptErrorLines)
                    {
                        lastErrors.Dequeue();
                    }
                }
            }
        };
        if (!process.Start())
        {
            throw new InvalidOperationException($"{config.ExecutablePath} {config.WorkerPath} did not start.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        LogStarted(logger, process.Id, workerId, config.WorkerPath);
        return new WorkerProcess(process, logger, lastErrors);
    }

    /// <summary>Kills the process (and its children) if it still runs.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It has already exited.
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Kill();
        await Exited.ConfigureAwait(false);
        _process.Dispose();
    }

    private async Task<int> WaitForExitAsync()
    {
        await _process.WaitForExitAsync().ConfigureAwait(false);
        var code = _process.ExitCode;
        LogExited(_logger, Id, code);
        return code;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker process {Pid} started (worker {WorkerId}): {WorkerPath}")]
    private static partial void LogStarted(ILogger logger, int pid, string workerId, string workerPath);

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker process {Pid} exited with code {ExitCode}")]
    private static partial void LogExited(ILogger logger, int pid, int exitCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "[worker {Pid}] {Line}")]
    private static partial void LogOutput(ILogger logger, int pid, string line);

    [LoggerMessage(Level = LogLevel.Error, Message = "[worker {Pid} stderr] {Line}")]
    private static partial void LogError(ILogger logger, int pid, string line);
}
