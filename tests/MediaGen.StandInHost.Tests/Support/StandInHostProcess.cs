using System.Text.RegularExpressions;

namespace MediaGen.StandInHost.Tests.Support;

/// <summary>
/// The stand-in host as its own process (<c>dotnet MediaGen.StandInHost.dll</c>, as scripts run it): its output kept for
/// assertions, its address read from its <c>ready:</c> line; killed with its worker on dispose.
/// </summary>
internal sealed partial class StandInHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private StandInHostProcess(Process process) => _process = process;

    /// <summary>Everything the host printed so far (stdout and stderr).</summary>
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

    /// <summary>Starts the host with <paramref name="arguments"/> (no wait).</summary>
    public static StandInHostProcess Start(params string[] arguments)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MediaGen.StandInHost.dll"));
        foreach (var argument in arguments)
        {
            psi.ArgumentList.Add(argument);
        }

        var host = new StandInHostProcess(new Process { StartInfo = psi, EnableRaisingEvents = true });
        host._process.OutputDataReceived += (_, e) => host.OnLine(e.Data);
        host._process.ErrorDataReceived += (_, e) => host.OnLine(e.Data);
        host._process.Exited += (_, _) => host._ready.TrySetException(new InvalidOperationException("The stand-in host exited before it was ready:\n" + host.Output));
        host._process.Start();
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Waits for the <c>ready:</c> line and returns the front door's address.</summary>
    public Task<Uri> ReadyAsync() => _ready.Task.WaitAsync(Waits.HangGuard);

    /// <summary>Waits for the process to exit and returns its exit code.</summary>
    public async Task<int> ExitCodeAsync()
    {
        using var guard = new CancellationTokenSource(Waits.HangGuard);
        await _process.WaitForExitAsync(guard.Token);
        return _process.ExitCode;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (ReadyLine().Match(line) is { Success: true } ready)
        {
            _ready.TrySetResult(new Uri(ready.Groups["address"].Value));
        }
    }

    [GeneratedRegex(@"^ready: (?<address>http://\S+)")]
    private static partial Regex ReadyLine();
}
