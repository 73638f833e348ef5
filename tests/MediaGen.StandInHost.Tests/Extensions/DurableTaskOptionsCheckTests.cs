using System.Text.Json.Nodes;
using MediaGen.StandInHost.Extensions;
using MediaGen.StandInHost.Hosting;

namespace MediaGen.StandInHost.Tests.Extensions;

/// <summary>
/// host.json's <c>extensions.durableTask</c> section is accepted by the Durable extension's own validation — the version
/// the app's SDK generated (<c>.azurefunctions</c>), bound by the WebJobs SDK as at start-up — without starting a host or
/// reaching storage (the connection string points at a closed port).
/// </summary>
public sealed class DurableTaskOptionsCheckTests
{
    private static readonly string UnreachableStorage = AzuriteInstance.ConnectionStringFor(9, 9, 9);

    public static TheoryData<string, string, string> BadValues => new()
    {
        { "storageProvider.controlQueueVisibilityTimeout", "\"00:00:30\"", "ControlQueueVisibilityTimeout must be between 1 and 60 minutes." },
        { "storageProvider.controlQueueVisibilityTimeout", "\"02:00:00\"", "ControlQueueVisibilityTimeout must be between 1 and 60 minutes." },
        { "storageProvider.partitionCount", "17", "PartitionCount must be an integer value between 1 and 16." },
        { "storageProvider.controlQueueBufferThreshold", "1001", "ControlQueueBufferThreshold must be between 1 and 1000." },
        { "maxConcurrentOrchestratorFunctions", "0", "MaxConcurrentOrchestratorFunctions must be a positive integer value." },
        { "maxConcurrentActivityFunctions", "0", "MaxConcurrentActivityFunctions must be a positive integer value." },
    };

    [Fact]
    public void Run_RepositoryHostJson_PassesTheExtensionsOwnValidation()
    {
        using var settings = RunSettings.Create(UnreachableStorage);

        var options = Check(settings);

        Assert.Equal(settings.HubName, options.GetType().GetProperty("HubName")!.GetValue(options));
    }

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Run_BadDurableValue_ThrowsTheExtensionsOwnMessage(string path, string json, string message)
    {
        using var settings = RunSettings.Create(UnreachableStorage, hostJson: host => Set(host, path, json));

        var error = Assert.ThrowsAny<Exception>(() => Check(settings));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Run_TaskHubNameTheBackendRefuses_ThrowsTheExtensionsOwnMessage()
    {
        using var settings = RunSettings.Create(UnreachableStorage, new Dictionary<string, string> { ["DurableTaskHubName"] = "no_underscores" });

        var error = Assert.ThrowsAny<ArgumentException>(() => Check(settings));

        Assert.Contains("no_underscores", error.Message, StringComparison.Ordinal);
    }

    private static object Check(RunSettings settings)
    {
        var app = StandInApp.Load(settings.Options(), new Dictionary<string, string?>());
        using var host = StandInHostBuilder.Create(app).Build();
        return DurableTaskOptionsCheck.Run(host.Services);
    }

    private static void Set(JsonObject host, string path, string json)
    {
        var node = host["extensions"]!["durableTask"]!.AsObject();
        var names = path.Split('.');
        foreach (var name in names[..^1])
        {
            node = node[name]!.AsObject();
        }

        node[names[^1]] = JsonNode.Parse(json);
    }
}
