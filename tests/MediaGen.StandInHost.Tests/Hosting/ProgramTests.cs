using MediaGen.StandInHost.Indexing;

namespace MediaGen.StandInHost.Tests.Hosting;

/// <summary>
/// The stand-in host as a program on Azurite: it prints what it loaded, starts the app's worker and every extension, says
/// where it listens, and answers HTTP through the worker; anything that cannot start ends it with exit code 1 and the
/// failing part's own message.
/// </summary>
public sealed class ProgramTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Run_RepositoryHostJsonAndSampleSettings_ServesTheAppThroughTheWorker()
    {
        using var settings = RunSettings.Create(azurite.ConnectionString);
        await using var host = StandInHostProcess.Start(Arguments(settings));

        var address = await host.ReadyAsync();
        using var http = new HttpClient { BaseAddress = address };
        using var response = await http.GetAsync("api/health/live");

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}\n{host.Output}");
        Assert.Contains("extension  DurableTask 3.", host.Output, StringComparison.Ordinal);
        Assert.Contains($"indexed    {FunctionMetadataFile.Read(settings.Options().AppFolder).Count} functions", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ControlQueueVisibilityOf30Seconds_ExitsWithTheExtensionsOwnMessage()
    {
        using var settings = RunSettings.Create(
            azurite.ConnectionString,
            hostJson: host => host["extensions"]!["durableTask"]!["storageProvider"]!["controlQueueVisibilityTimeout"] = "00:00:30");
        await using var host = StandInHostProcess.Start(Arguments(settings));

        Assert.Equal(1, await host.ExitCodeAsync());
        Assert.Contains("error: ControlQueueVisibilityTimeout must be between 1 and 60 minutes.", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnknownArgument_ExitsWith2AndTheUsage()
    {
        await using var host = StandInHostProcess.Start("--app", ".", "--frobnicate");

        Assert.Equal(2, await host.ExitCodeAsync());
        Assert.Contains("Unknown argument '--frobnicate'", host.Output, StringComparison.Ordinal);
        Assert.Contains("usage: MediaGen.StandInHost", host.Output, StringComparison.Ordinal);
    }

    private static string[] Arguments(RunSettings settings) =>
        ["--app", settings.Options().AppFolder, "--settings", settings.SettingsFile, "--host-json", settings.HostJsonFile, "--port", "0"];
}
