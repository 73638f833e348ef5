using System.Diagnostics;

namespace MediaGen.Testing;

/// <summary>
/// The one way a test runs a command to its end (a script, <c>npm</c>, <c>node</c>, the Bicep CLI): output captured, ended
/// by the process itself, or killed with its children and reported as a hang after the hang guard.
/// </summary>
public static class ProcessRun
{
    /// <summary>
    /// Runs <paramref name="fileName"/> with <paramref name="arguments"/> in <paramref name="workingDirectory"/> (default: the
    /// repository root) and returns how it ended. <paramref name="environment"/> sets variables (a null value removes one);
    /// a <see cref="TimeoutException"/> after <paramref name="hangGuard"/> (default <see cref="Waits.HangGuard"/>).
    /// </summary>
    public static async Task<ProcessResult> RunAsync(
        string fileName, IEnumerable<string> arguments, string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? hangGuard = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        ArgumentNullException.ThrowIfNull(arguments);
        var psi = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? RepoPaths.Root,
        };
        foreach (var argument in arguments)
        {
            psi.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                psi.Environment.Remove(name);
            }
            else
            {
                psi.Environment[name] = value;
            }
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"{fileName} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        guard.CancelAfter(hangGuard ?? Waits.HangGuard);
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw new TimeoutException($"{fileName} {string.Join(' ', psi.ArgumentList)} did not finish within {hangGuard ?? Waits.HangGuard}.");
        }

        return new ProcessResult(process.ExitCode, await stdout, await stderr);
    }
}
