using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace MediaGen.StandInHost.Tests.Support;

/// <summary>
/// A <c>local.settings.json</c> and <c>host.json</c> for one test run, in a temporary folder deleted on dispose: the
/// repository's <c>local.settings.sample.json</c> with Azurite's connection string, a task hub of the run's own and
/// secrets generated for the run, and the repository's <c>host.json</c> (optionally changed).
/// </summary>
internal sealed class RunSettings : IDisposable
{
    private RunSettings(string folder, string hubName)
    {
        Folder = folder;
        HubName = hubName;
    }

    /// <summary>The folder holding both files.</summary>
    public string Folder { get; }

    /// <summary>The run's task hub name.</summary>
    public string HubName { get; }

    /// <summary>The generated local.settings.json.</summary>
    public string SettingsFile => Path.Combine(Folder, "local.settings.json");

    /// <summary>The host.json copy.</summary>
    public string HostJsonFile => Path.Combine(Folder, "host.json");

    /// <summary>The run's API key (<c>Api__Key</c>).</summary>
    public string ApiKey => Value("Api__Key");

    /// <summary>Writes the files; <paramref name="overrides"/> overrides sample values, <paramref name="hostJson"/> changes the host.json copy.</summary>
    public static RunSettings Create(
        string storageConnectionString,
        IReadOnlyDictionary<string, string>? overrides = null,
        Action<JsonObject>? hostJson = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "mediagen-standin-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var hubName = "StandIn" + Guid.NewGuid().ToString("N")[..12];
        var settings = new RunSettings(folder, hubName);

        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["AzureWebJobsStorage"] = storageConnectionString,
            ["DurableTaskHubName"] = hubName,
            ["Api__Key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Workflows__WebhookSigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Callbacks__SigningKey"] = ReceivedWebhook.NewSecret(),
        };
        foreach (var (name, value) in overrides ?? new Dictionary<string, string>())
        {
            values[name] = value;
        }

        LocalSettingsFile.Write(settings.SettingsFile, values);
        LocalSettingsFile.WriteHostJson(settings.HostJsonFile, hostJson);
        return settings;
    }

    /// <summary>The stand-in host's options for the built app with these files.</summary>
    public StandInHostOptions Options(int port = 0) => new()
    {
        AppFolder = FunctionsAppOutput.Directory,
        SettingsFile = SettingsFile,
        HostJsonFile = HostJsonFile,
        Port = port,
    };

    /// <summary>A value of the generated settings file.</summary>
    public string Value(string name) =>
        JsonNode.Parse(File.ReadAllText(SettingsFile))!["Values"]![name]!.GetValue<string>();

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }
}
