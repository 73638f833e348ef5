using System.Diagnostics;
using MediaGen.Launcher;
using MediaGen.Testing;

namespace MediaGen.Host.Tests.Support;

/// <summary>
/// Runs the repository's npm tooling (installed into <c>node_modules</c> by <c>scripts/bootstrap.sh</c> from
/// <c>package.json</c>) the way a developer does, from the repository root. A missing tool fails with what to do.
/// </summary>
public static class NpmTool
{
    /// <summary>Runs <paramref name="command"/> (<c>npm</c> or <c>npx</c>) with <paramref name="args"/> and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string command, params string[] args)
    {
        if (!Directory.Exists(RepoPaths.Combine("node_modules", ".bin")))
        {
            throw new InvalidOperationException("node_modules is missing: run `bash scripts/bootstrap.sh` (it runs `npm ci`).");
        }

        var psi = new ProcessStartInfo(command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        // Local tools only: npx must never download a package it does not find.
        psi.Environment["npm_config_yes"] = "false";
        psi.Environment["NO_UPDATE_NOTIFIER"] = "1";
        psi.Environment["REDOCLY_TELEMETRY"] = "off";
        psi.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var guard = new CancellationTokenSource(Waits.HangGuard);
        await process.WaitForExitAsync(guard.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
