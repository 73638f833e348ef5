using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace MediaGen.Launcher;

/// <summary>
/// A built app (<c>dotnet &lt;dll&gt; …</c>) as a child process on a loopback address chosen before it starts: the
/// standalone host, the stand-in Functions host with the Functions app, or the simulator. <see cref="StartAsync"/> waits
/// until it is ready (its ready line, then its health check); it can be stopped gracefully (SIGTERM: a host hands its
/// partition leases back), killed with SIGKILL (as a crash leaves things) and started again with the same settings, as a
/// supervisor restarts a crashed host. Its output is kept in memory for the current start and, with a log folder, in a
/// file per start.
/// </summary>
public sealed partial class AppProcess : IAsyncDisposable
{
    /// <summary>How long a start may take before it is reported as a hang (a loaded 2-core machine is slow, never this slow).</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private readonly AppLaunch _launch;
    private readonly HttpClient _health;
    private readonly StringBuilder _output = new();
    private Process? _process;
    private StreamWriter? _log;

    /// <summary>An app described by <paramref name="launch"/> (not started).</summary>
    public AppProcess(AppLaunch launch)
    {
        ArgumentNullException.ThrowIfNull(launch);
        _launch = launch;
        _health = new HttpClient { BaseAddress = launch.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
    }

    /// <summary>The app's address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress => _launch.BaseAddress;

    /// <summary>The app settings it was given (flat names).</summary>
    public IReadOnlyDictionary<string, string?> Settings => _launch.Settings;

    /// <summary>How often the process was started.</summary>
    public int Starts { get; private set; }

    /// <summary>How often it was killed with SIGKILL.</summary>
    public int Kills { get; private set; }

    /// <summary>The running process's id (its children, e.g. a Functions worker, are not included), or null.</summary>
    public int? ProcessId => _process is { HasExited: false } process ? process.Id : null;

    /// <summary>Whether a started process is running.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The log file of the current (or last) start, when the launch names a log folder.</summary>
    public string? CurrentLog => _launch.LogFolder is { } folder ? Path.Combine(folder, Starts <= 1 ? $"{_launch.Name}.log" : $"{_launch.Name}-{Starts}.log") : null;

    /// <summary>Everything the current (or last) start printed so far (stdout and stderr).</summary>
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

    /// <summary>Starts the app and waits until it is ready (its ready line, then its health check answers 2xx).</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"{_launch.Name} is already running.");
        }

        Starts++;
        lock (_output)
        {
            _output.Clear();
        }

        var psi = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _launch.WorkingDirectory ?? RepoPaths.Root,
        };
        foreach (var argument in _launch.Arguments)
        {
            psi.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in _launch.Environment)
        {
            psi.Environment[key] = value;
        }

        if (_launch.LogFolder is { } folder)
        {
            Directory.CreateDirectory(folder);
            _log = new StreamWriter(CurrentLog!, append: false) { AutoFlush = true };
        }

        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = _log;
        var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => OnLine(e.Data, log, ready);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data, log, ready);
        process.Exited += (_, _) =>
        {
            ready.TrySetException(new InvalidOperationException(
                $"{_launch.Name} exited while starting{(CurrentLog is { } file ? "; see " + file : "")}:\n{Tail(Output)}"));
            if (log is not null)
            {
                lock (log)
                {
                    log.Dispose();
                }
            }
        };
        if (_launch.ReadyLine is null)
        {
            ready.TrySetResult();
        }

        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        try
        {
            await ready.Task.WaitAsync(timeout.Token);
            if (_launch.HealthPath is { } path)
            {
                await WaitHealthyAsync(process, path, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{_launch.Name} was not ready within {StartTimeout}:\n{Tail(Output)}");
        }
    }

    /// <summary>Stops the app gracefully (SIGTERM), killing it if it has not exited within <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        var process = _process;
        _process = null;
        if (process is null)
        {
            return;
        }

        if (!process.HasExited && SendSignal(process.Id, SigTerm) == 0)
        {
            using var wait = new CancellationTokenSource(grace);
            try
            {
                await process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                // It did not stop in time: killed below.
            }
        }

        Kill(process);
    }

    /// <summary>Kills the running app with SIGKILL (no shutdown code runs) and waits until it is gone.</summary>
    public void Kill()
    {
        var process = _process;
        _process = null;
        if (process is not null && Kill(process))
        {
            Kills++;
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        var process = _process;
        _process = null;
        if (process is not null)
        {
            Kill(process);
        }

        _health.Dispose();
        return ValueTask.CompletedTask;
    }

    private static bool Kill(Process process)
    {
        var killed = false;
        try
        {
            process.Kill(entireProcessTree: true);
            killed = true;
        }
        catch (InvalidOperationException)
        {
            // It had already exited.
        }

        process.WaitForExit();
        process.Dispose();
        return killed;
    }

    private async Task WaitHealthyAsync(Process process, string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{_launch.Name} exited with code {process.ExitCode} while starting:\n{Tail(Output)}");
            }

            try
            {
                using var response = await _health.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // One health call timed out; try again.
            }

            // Readiness has no event to wait on from outside the process: poll, briefly.
            await Task.Delay(100, cancellationToken);
        }
    }

    private void OnLine(string? line, StreamWriter? log, TaskCompletionSource ready)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (log is not null)
        {
            lock (log)
            {
                try
                {
                    log.WriteLine(line);
                }
                catch (ObjectDisposedException)
                {
                    // Output after the log was closed.
                }
            }
        }

        if (_launch.ReadyLine is { } readyLine && readyLine.IsMatch(line))
        {
            ready.TrySetResult();
        }
    }

    private static string Tail(string output) => string.Join('\n', output.Split('\n').TakeLast(40));

    private const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}
