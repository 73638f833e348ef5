namespace MediaGen.Simulator.Tests.Faults;

/// <summary>Faults configured for the whole run (options / command line) survive resets.</summary>
public sealed class RunFaultTests(RunFaultsSimulatorFixture simulator) : IClassFixture<RunFaultsSimulatorFixture>
{
    [Fact]
    public async Task RunFault_AfterClearAndReset_IsArmedAgainByReset()
    {
        using var before = await simulator.Client.PostCometAsync(new { prompt = "x" });
        await simulator.ClearFaultsAsync();
        using var cleared = await simulator.Client.PostCometAsync(new { prompt = "x" });
        await simulator.ResetAsync();
        using var afterReset = await simulator.Client.PostCometAsync(new { prompt = "x" });

        Assert.Equal(HttpStatusCode.TooManyRequests, before.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(9), before.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, afterReset.StatusCode);
    }
}
