using Xunit.Abstractions;

namespace MediaGen.Host.Tests.Drives;

/// <summary>
/// The README's main command's demo (tools/MediaGen.Demo, a caller on the typed client) against the stack
/// <c>scripts/run.sh</c> starts: the launcher's stack with the standalone host as its own process, the demo as another,
/// reading the launcher's <c>stack.env</c> as run.sh passes it. Every job of every entry point completes and every
/// check (stored bytes, results queue, callback signatures) holds.
/// </summary>
[Collection(DriveCollection.Name)]
public sealed class DemoTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Demo_AgainstTheStandaloneStack_EveryJobCompletesAndEveryCheckHolds()
    {
        var work = Directory.CreateTempSubdirectory("mediagen-demo-");
        try
        {
            await using var stack = await LocalStack.StartAsync(new LocalStackOptions { WorkFolder = work.FullName, AzuriteInMemory = true, SampleSettingsOnly = true });
            var app = await stack.StartAppAsync(StackApp.Standalone);
            var envFile = Path.Combine(work.FullName, "stack.env");
            await StackEnvFile.WriteAsync(envFile, stack, app, StackApp.Standalone);

            var demo = await ProcessRun.RunAsync("dotnet", [BuiltApps.Demo, "--stack", envFile], hangGuard: TimeSpan.FromMinutes(4));
            output.WriteLine(demo.Output);

            Assert.True(demo.ExitCode == 0, $"the demo exited {demo.ExitCode}:\n{demo.Output}");
            Assert.Contains("All 7 demo jobs completed.", demo.StandardOutput, StringComparison.Ordinal);
            Assert.DoesNotContain("FAIL", demo.StandardOutput, StringComparison.Ordinal);
            Assert.DoesNotContain("INVALID", demo.StandardOutput, StringComparison.Ordinal);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Demo_WithoutStackFile_ExitsTwoSayingHowToRunIt()
    {
        var demo = await ProcessRun.RunAsync("dotnet", [BuiltApps.Demo]);

        Assert.Equal(2, demo.ExitCode);
        Assert.Contains("usage: MediaGen.Demo --stack", demo.StandardError, StringComparison.Ordinal);
    }
}
