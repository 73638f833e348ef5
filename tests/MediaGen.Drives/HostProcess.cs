using System.Diagnostics;

namespace MediaGen.Drives;

/// <summary>
/// The standalone host (<c>MediaGen.Host.dll</c>, copied next to the drive) — or another app serving MediaGen's API, such
/// as the Functions app under the stand-in Functions host — as a child process on a fixed loopback port: started, killed
/// with SIGKILL (no shutdown code runs: leases, dequeued messages and half-done activities are left as a crash leaves
/// them) and started again with the same settings and worker id, as a supervisor restarts a crashed host. Its output goes
/// to a log file per start.
/// </summary>
public sealed class HostProcess : IDisposable
{
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly IReadOnlyList<string> _command;
    private readonly string _logFolder;
    private readonly HttpClient _health;
    private Process? _process;

    /// <summary>
    /// A host on <paramref name="baseAddress"/> with <paramref name="environment"/> (<c>Section__Key</c> names), started as
    /// <c>dotnet</c> with <paramref name="command"/> (default: <c>MediaGen.Host.dll</c> next to the drive).
    /// </summary>
    public HostProcess(Uri baseAddress, IReadOnlyDictionary<string, string> environment, string logFolder, IReadOnlyList<string>? command = null)
    {
        BaseAddress = baseAddress;
        _environment = environment;
        _command = command ?? [Path.Combine(AppContext.BaseDirectory, "MediaGen.Host.dll")];
        _logFolder = logFolder;
        _health = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
    }

    /// <summary>The host's address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>How often the process was started.</summary>
    public int Starts { get; private set; }

    /// <summary>How often it was killed with SIGKILL.</summary>
    public int Kills { get; private set; }

    /// <summary>The running process's id (its children, e.g. a Functions worker, are not included), or null.</summary>
    public int? ProcessId => _process is { HasExited: false } process ? process.Id : null;

    /// <summary>Whether a started process is running.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The log of the current (or last) start.</summary>
    public string CurrentLog => Path.Combine(_logFolder, $"host-{Starts}.log");

    /// <summary>Starts the host and waits (up to two minutes) until its health check answers 200.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("The host is already running.");
        }

        Starts++;
        var psi = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var argument in _command)
        {
            psi.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in _environment)
        {
            psi.Environment[key] = value;
        }

        var log = new StreamWriter(CurrentLog, append: false) { AutoFlush = true };
        var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Exited += (_, _) => Write(log, null);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with code {process.ExitCode} while starting; see {CurrentLog}.");
            }

            try
            {
                using var response = await _health.GetAsync(new Uri("api/health", UriKind.Relative), timeout.Token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!timeout.IsCancellationRequested)
            {
                // One health call timed out; try again.
            }

            await Task.Delay(100, timeout.Token);
        }
    }

    /// <summary>Kills the running host with SIGKILL and waits until it is gone.</summary>
    public void Kill()
    {
        var process = _process;
        _process = null;
        if (process is null)
        {
            return;
        }

        try
        {
            process.Kill(entireProcessTree: true);
            Kills++;
        }
        catch (InvalidOperationException)
        {
            // It had already exited.
        }

        process.WaitForExit();
        process.Dispose();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        var process = _process;
        _process = null;
        if (process is not null)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
            }

            process.WaitForExit();
            process.Dispose();
        }

        _health.Dispose();
    }

    private static void Write(StreamWriter log, string? line)
    {
        lock (log)
        {
            if (line is null)
            {
                log.Dispose();
                return;
            }

            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // Output after the exit notice.
            }
        }
    }
}
