using MediaGen.StandInHost.Hosting;
using Microsoft.Extensions.Hosting;

namespace MediaGen.StandInHost.Tests.Hosting;

/// <summary>
/// The WebJobs host starts with the real host-side extensions the app's SDK generated, configured from host.json and the
/// settings file, on Azurite: the Durable extension validates its options and loads its configuration.
/// </summary>
public sealed class StartTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Start_RepositoryHostJson_LoadsTheDurableExtensionTheSdkGenerated()
    {
        using var settings = RunSettings.Create(azurite.ConnectionString);
        var logs = new CapturedLogs();
        using var host = Build(settings, logs);
        var durable = host.Services.GetRequiredService<StandInApp>().Extensions.Single(e => e.Name == "DurableTask");

        await host.StartAsync();
        try
        {
            var loaded = $"HubName: {settings.HubName}. AppName: . SlotName: . ExtensionVersion: {durable.Version}.";
            Assert.True(logs.Has(loaded), $"the Durable extension did not load its configuration ({loaded}):\n{logs.Text()}");
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Start_ControlQueueVisibilityOf30Seconds_FailsWithTheExtensionsOwnMessage()
    {
        using var settings = RunSettings.Create(
            azurite.ConnectionString,
            hostJson: host => host["extensions"]!["durableTask"]!["storageProvider"]!["controlQueueVisibilityTimeout"] = "00:00:30");
        using var host = Build(settings, new CapturedLogs());

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        Assert.Contains("ControlQueueVisibilityTimeout must be between 1 and 60 minutes.", Messages(error), StringComparison.Ordinal);
    }

    private static IHost Build(RunSettings settings, CapturedLogs logs) => WebJobsSideHost.Build(settings, new ScriptedWorker(), logs);

    private static string Messages(Exception error)
    {
        var messages = new List<string>();
        for (var e = error; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }

        return string.Join(" <- ", messages);
    }
}
