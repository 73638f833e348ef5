using MediaGen.StandInHost.Worker;

namespace MediaGen.StandInHost.Tests.Worker;

/// <summary>The app's worker process started, initialised, indexed and loaded as the Functions host does it.</summary>
[Collection(WorkerCollection.Name)]
public sealed class WorkerStartupTests(WorkerFixture fixture)
{
    [Fact]
    public void StartAsync_BuiltApp_IndexesEveryFunctionOfItsMetadataFile()
    {
        var expected = FunctionIndex.FromFile(FunctionsAppOutput.Directory);

        Assert.Equal(expected.Select(f => f.Name).Order(), fixture.Indexed.Select(f => f.Name).Order());
        foreach (var function in fixture.Indexed)
        {
            var file = expected.Single(f => f.Name == function.Name);
            Assert.Equal(file.EntryPoint, function.EntryPoint);
            Assert.Equal(file.RawBindings.Count, function.RawBindings.Count);
            Assert.False(string.IsNullOrEmpty(function.FunctionId));
        }
    }

    [Fact]
    public async Task StartAsync_BuiltApp_WorkerLoadsEveryFunction()
    {
        var loaded = await fixture.Logs.WaitForAsync(e => e.Message.Contains("loaded", StringComparison.Ordinal) && e.Message.Contains("functions", StringComparison.Ordinal), "saying the worker loaded the functions");

        Assert.Contains($"loaded {fixture.Indexed.Count} functions", loaded.Message, StringComparison.Ordinal);
        Assert.True(fixture.Indexed.Count >= 30, $"only {fixture.Indexed.Count} functions indexed");
    }

    [Fact]
    public void StartAsync_BuiltApp_WorkerRunsAsItsOwnDotnetProcess()
    {
        var pid = fixture.Supervisor.ProcessId;

        Assert.NotNull(pid);
        using var process = Process.GetProcessById(pid.Value);
        Assert.NotEqual(Environment.ProcessId, pid.Value);
        Assert.False(process.HasExited);
    }

    [Fact]
    public async Task StartAsync_WorkerAspNetCoreIntegration_AdvertisesItsHttpUri()
    {
        var init = await fixture.Logs.WaitForAsync(e => e.Message.Contains("initialised", StringComparison.Ordinal), "saying the worker initialised");

        Assert.Equal(LogLevel.Information, init.Level);
        Assert.Contains("HttpUri", init.Message, StringComparison.Ordinal);
        Assert.Contains("HandlesInvocationCancelMessage", init.Message, StringComparison.Ordinal);
    }
}
