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

        // Local tools only: npx must never download a package it does not find.
        var result = await ProcessRun.RunAsync(command, args, environment: new Dictionary<string, string?>
        {
            ["npm_config_yes"] = "false",
            ["NO_UPDATE_NOTIFIER"] = "1",
            ["REDOCLY_TELEMETRY"] = "off",
            ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true",
        });
        return (result.ExitCode, result.Output);
    }
}
