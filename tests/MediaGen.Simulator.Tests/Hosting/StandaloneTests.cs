using MediaGen.Launcher;

namespace MediaGen.Simulator.Tests.Hosting;

/// <summary>The simulator as its own process, the way <c>dotnet run --project src/MediaGen.Simulator -- --urls …</c> starts it.</summary>
public sealed class StandaloneTests
{
    [Fact]
    public async Task Main_UrlsAndOptionsOnCommandLine_ServesProvidersOnThatAddress()
    {
        var address = LoopbackPort.FreeAddress();
        await using var process = new AppProcess(new AppLaunch(
            "simulator",
            address,
            [
                BuiltApps.Simulator, "--urls", address.GetLeftPart(UriPartial.Authority), "--Simulator:PixazoQueuedFor=00:00:00",
                "--Simulator:PixazoProcessingFor=00:00:00", "--Simulator:Faults:0:Endpoint=comet.images", "--Simulator:Faults:0:Fault=429=2",
                "--Simulator:Faults:0:Count=0",
            ]) { HealthPath = "health" });
        await process.StartAsync();
        using var client = new HttpClient { BaseAddress = address };

        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
        var id = await client.SubmitPixazoAsync("From the command line");
        using var status = await client.GetPixazoStatusAsync(id);
        using var comet = await client.PostCometAsync(new { prompt = "Rate limited for the whole run" });

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("COMPLETED", (string)(await status.JsonAsync())["status"]!);
        Assert.Equal(HttpStatusCode.TooManyRequests, comet.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), comet.Headers.RetryAfter?.Delta);
    }
}
