using MediaGen.Launcher;

namespace MediaGen.Bench.FunctionsOverhead;

/// <summary>
/// The two apps the benchmark compares, each as a process on its own loopback address and task hub with the run's common
/// settings (<c>Section__Key</c> names both apps read): the Functions app under the stand-in Functions host, configured by a
/// <c>local.settings.json</c> written from the sample and the repository's <c>host.json</c>; and the standalone host,
/// configured by environment variables. Everything else is each app's shipped defaults, except the log level when
/// <c>LOG_LEVEL</c> names one (e.g. <c>Warning</c>): then every category of host.json's <c>logging.logLevel</c>, and the
/// standalone host's <c>Logging__LogLevel__Default</c>, is that level.
/// </summary>
internal static class BenchApps
{
    /// <summary>The app names, in the default order.</summary>
    public static readonly IReadOnlyList<string> Names = ["functions", "standalone"];

    /// <summary>
    /// The app <paramref name="name"/> on <paramref name="address"/> and task hub <paramref name="hubName"/> (not started);
    /// its files and logs go to <paramref name="folder"/>.
    /// </summary>
    public static AppProcess Create(string name, string hubName, Uri address, IReadOnlyDictionary<string, string> common, string folder)
    {
        Directory.CreateDirectory(folder);
        return name switch
        {
            "functions" => Functions(hubName, address, common, folder),
            "standalone" => Standalone(hubName, address, common, folder),
            _ => throw new ArgumentException($"Unknown app '{name}' (use {string.Join(" or ", Names)}).", nameof(name)),
        };
    }

    private static AppProcess Functions(string hubName, Uri address, IReadOnlyDictionary<string, string> common, string folder)
    {
        var settings = new Dictionary<string, string>(common, StringComparer.Ordinal)
        {
            ["DurableTaskHubName"] = hubName,
            // Azurite raises no Event Grid events: the polling inbox function, as under Core Tools.
            ["AzureWebJobs.BlobInbox.Disabled"] = "true",
            ["AzureWebJobs.BlobInboxPolling.Disabled"] = "false",
        };
        var file = Path.Combine(folder, "local.settings.json");
        LocalSettingsFile.Write(file, settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)), sampleNamesOnly: true);
        var hostJson = Path.Combine(folder, "host.json");
        LocalSettingsFile.WriteHostJson(hostJson, EveryCategoryAtLogLevel);
        return new AppProcess(StackApps.FunctionsApp(address, file, hostJson, folder, "functions"));
    }

    private static AppProcess Standalone(string hubName, Uri address, IReadOnlyDictionary<string, string> common, string folder)
    {
        var environment = new Dictionary<string, string>(common, StringComparer.Ordinal)
        {
            ["DurableTask__HubName"] = hubName,
            // The benchmark is one caller sending far more than 100 requests in 10 s; the Functions app has no such limit.
            ["Api__RateLimit__Enabled"] = "false",
        };
        if (LogLevel is { } level)
        {
            environment["Logging__LogLevel__Default"] = level;
        }

        return new AppProcess(StackApps.StandaloneHost(address, environment, folder, "standalone"));
    }

    private static string? LogLevel => Environment.GetEnvironmentVariable("LOG_LEVEL") is { Length: > 0 } level ? level : null;

    /// <summary>Every category of host.json's <c>logging.logLevel</c> at <see cref="LogLevel"/>, when <c>LOG_LEVEL</c> names one.</summary>
    private static void EveryCategoryAtLogLevel(System.Text.Json.Nodes.JsonObject hostJson)
    {
        if (LogLevel is not { } level)
        {
            return;
        }

        var levels = hostJson["logging"]!["logLevel"]!.AsObject();
        foreach (var category in levels.Select(p => p.Key).ToList())
        {
            levels[category] = level;
        }
    }
}
