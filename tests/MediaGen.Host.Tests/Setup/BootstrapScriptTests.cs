namespace MediaGen.Host.Tests.Setup;

/// <summary>
/// scripts/bootstrap.sh on a machine that lacks a tool: it stops at once with a message naming it.
/// The "machine" is a PATH holding only the commands each case allows.
/// </summary>
public sealed class BootstrapScriptTests : IDisposable
{
    private readonly string _bin = Directory.CreateTempSubdirectory("mediagen-path-").FullName;

    [Fact]
    public async Task Bootstrap_NoDotnet_FailsNamingDotnet()
    {
        Link("bash", "dirname", "node", "npm");

        var (exitCode, output) = await RunBootstrapAsync();

        Assert.Equal(1, exitCode);
        Assert.Contains("'dotnet' is not on PATH", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bootstrap_NoNpm_FailsNamingNpm()
    {
        Link("bash", "dirname", "dotnet", "node");

        var (exitCode, output) = await RunBootstrapAsync();

        Assert.Equal(1, exitCode);
        Assert.Contains("'npm' is not on PATH", output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_bin, recursive: true);

    private void Link(params string[] commands)
    {
        foreach (var command in commands)
        {
            var target = new[] { "/usr/local/bin", "/usr/bin", "/bin" }
                .Select(dir => Path.Combine(dir, command))
                .First(File.Exists);
            File.CreateSymbolicLink(Path.Combine(_bin, command), target);
        }
    }

    private async Task<(int ExitCode, string Output)> RunBootstrapAsync()
    {
        var result = await ProcessRun.RunAsync(
            Path.Combine(_bin, "bash"), [RepoPaths.Combine("scripts", "bootstrap.sh")], environment: new Dictionary<string, string?> { ["PATH"] = _bin });
        return (result.ExitCode, result.Output);
    }
}
