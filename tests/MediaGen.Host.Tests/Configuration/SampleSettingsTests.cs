namespace MediaGen.Host.Tests.Configuration;

/// <summary>
/// The shipped settings files stay in step with what the code binds. (infra/main.bicep, which deploys the Functions app,
/// is compiled and its app settings checked by MediaGen.Functions.Tests' InfraTemplateTests.)
/// </summary>
public sealed class SampleSettingsTests
{
    private static readonly HashSet<string> SampleKeys = LoadSampleKeys();

    [Fact]
    public void OptionsTypes_InMediaGenAssemblies_AreFound()
    {
        var types = SettingsCatalog.OptionsTypes();

        Assert.Contains(types, type => type.Name == "StorageConnectionOptions");
    }

    [Fact]
    public void LocalSettingsSample_EveryBoundSetting_IsListed()
    {
        var missing = SettingsCatalog.OptionsTypes()
            .SelectMany(type => SettingsCatalog.KeysOf(type).Select(key => $"{key} (bound by {type.Name})"))
            .Where(entry => !SampleKeys.Contains(entry[..entry.IndexOf(' ', StringComparison.Ordinal)]))
            .ToList();

        Assert.True(missing.Count == 0, "local.settings.sample.json lacks: " + string.Join(", ", missing));
    }

    [Fact]
    public void HostJson_HubName_IsAnAppSettingListedInSample()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(RepoPaths.Combine("host.json")));
        var hubName = host.RootElement.GetProperty("extensions").GetProperty("durableTask").GetProperty("hubName").GetString()!;

        Assert.Matches("^%[A-Za-z]+%$", hubName);
        Assert.Contains(hubName.Trim('%'), SampleKeys);
    }

    [Fact]
    public void KeysOf_NestedOptionsAndRenamedKeys_ExpandsToFlatFunctionsKeys()
    {
        var keys = SettingsCatalog.KeysOf(typeof(ExampleOptions)).ToList();

        // ConfigurationKeyName renames the key within its section, as the binder does.
        Assert.Equal(["Example__Name", "Example__Retry__MaxAttempts", "Example__Hosts", "Example__Renamed"], keys);
    }

    [Fact]
    public void HostJson_DurableAndQueueSettings_ArePresent()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(RepoPaths.Combine("host.json")));
        var extensions = host.RootElement.GetProperty("extensions");

        Assert.Equal("2.0", host.RootElement.GetProperty("version").GetString());
        Assert.False(string.IsNullOrWhiteSpace(extensions.GetProperty("durableTask").GetProperty("hubName").GetString()));
        Assert.Equal("AzureWebJobsStorage", extensions.GetProperty("durableTask").GetProperty("storageProvider").GetProperty("connectionName").GetString());
        Assert.True(TimeSpan.Parse(host.RootElement.GetProperty("functionTimeout").GetString()!, System.Globalization.CultureInfo.InvariantCulture) >= TimeSpan.FromMinutes(5));
    }

    [Fact]
    public void LocalSettingsSample_StorageAndRuntime_PointAtLocalDevelopment()
    {
        Assert.Contains("AzureWebJobsStorage", SampleKeys);
        Assert.Contains("FUNCTIONS_WORKER_RUNTIME", SampleKeys);
        using var sample = JsonDocument.Parse(File.ReadAllText(RepoPaths.Combine("local.settings.sample.json")));
        var values = sample.RootElement.GetProperty("Values");
        Assert.Equal("UseDevelopmentStorage=true", values.GetProperty("AzureWebJobsStorage").GetString());
        Assert.Equal("dotnet-isolated", values.GetProperty("FUNCTIONS_WORKER_RUNTIME").GetString());
    }

    private static HashSet<string> LoadSampleKeys()
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(RepoPaths.Combine("local.settings.sample.json")));
        return sample.RootElement.GetProperty("Values").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
    }

    public sealed class ExampleOptions
    {
        public const string SectionName = "Example";

        public string Name { get; set; } = "";

        public ExampleRetry Retry { get; set; } = new();

        public string[] Hosts { get; set; } = [];

        [Microsoft.Extensions.Configuration.ConfigurationKeyName("Renamed")]
        public string Original { get; set; } = "";

        public string Computed => Name;
    }

    public sealed class ExampleRetry
    {
        public int MaxAttempts { get; set; }
    }
}
