using System.Diagnostics;
using System.Text;
using MediaGen.Engine.TestWorker;

namespace MediaGen.Engine.Tests.Guarantees;

/// <summary>
/// A <c>MediaGen.Engine.TestWorker</c> host process on a test's task hub: started, killed with SIGKILL (no shutdown code
/// runs, leases and messages are left as a crash leaves them) and started again under the same worker id, as a supervisor
/// restarts a crashed host. With <see cref="RestartWhenItDies"/> it is also restarted when it dies by itself.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly object _gate = new();
    private readonly StringBuilder _output = new();
    private readonly IReadOnlyDictionary<string, string?> _environment;
    private Process? _process;
    private TaskCompletionSource _ready = NewSignal();
    private bool _disposed;

    public WorkerProcess(string workerId, IReadOnlyDictionary<string, string?> environment)
    {
        WorkerId = workerId;
        _environment = environment;
    }

    /// <summary>The <c>DurableTask:WorkerId</c> every start of this worker uses.</summary>
    public string WorkerId { get; }

    /// <summary>Start the process again whenever it exits without <see cref="Kill"/>.</summary>
    public bool RestartWhenItDies { get; init; }

    /// <summary>How often the process was started.</summary>
    public int Starts { get; private set; }

    /// <summary>The ids of every process started so far.</summary>
    public List<int> ProcessIds { get; } = [];

    /// <summary>Everything every start of the process printed (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the process (it must not be running).</summary>
    public void Start()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_process is not null)
            {
                throw new InvalidOperationException($"Worker {WorkerId} is already running.");
            }

            var psi = new ProcessStartInfo("dotnet")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = AppContext.BaseDirectory,
            };
            psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MediaGen.Engine.TestWorker.dll"));
            foreach (var (key, value) in _environment)
            {
                psi.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }

            psi.Environment["DurableTask__WorkerId"] = WorkerId;
            var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
            var ready = _ready;
            process.OutputDataReceived += (_, e) => OnLine(e.Data, ready);
            process.ErrorDataReceived += (_, e) => OnLine(e.Data, ready);
            process.Exited += (_, _) => OnExited(process);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            _process = process;
            Starts++;
            ProcessIds.Add(process.Id);
            Append($"[{WorkerId}] started process {process.Id}");
        }
    }

    /// <summary>Waits until the running process reports its engine started.</summary>
    public async Task WaitUntilReadyAsync(CancellationToken cancellation)
    {
        Task ready;
        lock (_gate)
        {
            ready = _ready.Task;
        }

        try
        {
            await ready.WaitAsync(cancellation);
        }
        catch (OperationCanceledException e)
        {
            throw new TimeoutException($"Worker {WorkerId} did not start in time:\n{Output}", e);
        }
    }

    /// <summary>Kills the running process with SIGKILL (with its children) and waits until it is gone.</summary>
    public void Kill()
    {
        Process? process;
        lock (_gate)
        {
            process = _process;
            _process = null;
            _ready = NewSignal();
        }

        if (process is null)
        {
            return;
        }

        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It had already exited.
        }

        process.WaitForExit();
        Append($"[{WorkerId}] killed process {process.Id}");
        process.Dispose();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        Kill();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void OnExited(Process process)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(process, _process))
            {
                return;
            }

            // It died by itself (not by Kill): a crash.
            _process = null;
            _ready.TrySetException(new InvalidOperationException($"Worker {WorkerId} (process {process.Id}) exited with code {process.ExitCode}:\n{Output}"));
            _ready = NewSignal();
            Append($"[{WorkerId}] process {process.Id} exited by itself");
            if (RestartWhenItDies && !_disposed)
            {
                Start();
            }
        }
    }

    private void OnLine(string? line, TaskCompletionSource ready)
    {
        if (line is null)
        {
            return;
        }

        Append(line);
        if (line.StartsWith(ReadyReporter.ReadyLine, StringComparison.Ordinal))
        {
            ready.TrySetResult();
        }
    }

    private void Append(string line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
