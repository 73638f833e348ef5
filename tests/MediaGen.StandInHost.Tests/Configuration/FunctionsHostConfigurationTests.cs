using MediaGen.StandInHost.Configuration;
using Microsoft.Azure.WebJobs;

namespace MediaGen.StandInHost.Tests.Configuration;

/// <summary>The host's configuration is built as Core Tools builds it for the Functions host.</summary>
public sealed class FunctionsHostConfigurationTests : IDisposable
{
    private const string Storage = "UseDevelopmentStorage=true";
    private readonly List<RunSettings> _settings = [];

    [Fact]
    public void Load_RepositoryHostJson_LandsUnderTheRootTheWebJobsSdkIsToldToRead()
    {
        var configuration = FunctionsHostConfiguration.Load(Settings().Options(), NoEnvironment()).Build();

        Assert.Equal("AzureFunctionsJobHost", configuration["AzureWebJobsConfigurationSection"]);
        Assert.Equal("%DurableTaskHubName%", configuration["AzureFunctionsJobHost:extensions:durableTask:hubName"]);
        Assert.Equal("api", configuration["AzureFunctionsJobHost:extensions:http:routePrefix"]);
        Assert.Equal("00:30:00", configuration["AzureFunctionsJobHost:functionTimeout"]);
    }

    [Fact]
    public void Load_SampleValues_ResolveBindingExpressionsAsAppSettings()
    {
        var settings = Settings();
        var configuration = FunctionsHostConfiguration.Load(settings.Options(), NoEnvironment()).Build();
        var resolver = new DefaultNameResolver(configuration);

        Assert.Equal(settings.HubName, resolver.Resolve("DurableTaskHubName"));
        Assert.Equal("mediagen-requests", resolver.Resolve("RequestQueueName"));
        // A Values name with __ is a section path, as an environment variable's is.
        Assert.Equal("16", configuration["RequestQueue:BatchSize"]);
        Assert.Equal(Storage, configuration["AzureWebJobsStorage"]);
        Assert.Equal("dotnet-isolated", configuration["FUNCTIONS_WORKER_RUNTIME"]);
    }

    [Fact]
    public void Load_EnvironmentHasASettingOfTheFile_EnvironmentWinsAndIsReported()
    {
        var environment = new Dictionary<string, string?> { ["DurableTaskHubName"] = "FromEnvironment" };

        var loaded = FunctionsHostConfiguration.Load(Settings().Options(), environment);

        Assert.Equal("FromEnvironment", loaded.Build()["DurableTaskHubName"]);
        Assert.Equal(["DurableTaskHubName"], loaded.OverriddenByEnvironment);
        Assert.False(loaded.AppSettings.ContainsKey("DurableTaskHubName"));
    }

    [Fact]
    public void Load_ContainerNameInEnvironment_IsBlankForTheExtensions()
    {
        var environment = new Dictionary<string, string?> { ["CONTAINER_NAME"] = "some-container" };

        var configuration = FunctionsHostConfiguration.Load(Settings().Options(), environment).Build();

        Assert.Equal("", configuration["CONTAINER_NAME"]);
    }

    [Fact]
    public void Load_OtherWorkerRuntime_FailsNamingIt()
    {
        var settings = Settings(new Dictionary<string, string> { ["FUNCTIONS_WORKER_RUNTIME"] = "node" });

        var error = Assert.Throws<StandInHostException>(() => FunctionsHostConfiguration.Load(settings.Options(), NoEnvironment()));

        Assert.Contains("'node'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_HostJsonOfAnotherSchemaVersion_FailsNamingTheFile()
    {
        var settings = RunSettingsFor(hostJson: h => h["version"] = "1.0");

        var error = Assert.Throws<StandInHostException>(() => FunctionsHostConfiguration.Load(settings.Options(), NoEnvironment()));

        Assert.Contains(settings.HostJsonFile, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EncryptedSettingsFile_FailsNamingTheFile()
    {
        var settings = Settings();
        File.WriteAllText(settings.SettingsFile, """{ "IsEncrypted": true, "Values": { "A": "xyz" } }""");

        var error = Assert.Throws<StandInHostException>(() => FunctionsHostConfiguration.Load(settings.Options(), NoEnvironment()));

        Assert.Contains("encrypted", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        foreach (var settings in _settings)
        {
            settings.Dispose();
        }
    }

    private static Dictionary<string, string?> NoEnvironment() => [];

    private RunSettings Settings(IReadOnlyDictionary<string, string>? values = null) => Track(RunSettings.Create(Storage, values));

    private RunSettings RunSettingsFor(Action<System.Text.Json.Nodes.JsonObject> hostJson) => Track(RunSettings.Create(Storage, hostJson: hostJson));

    private RunSettings Track(RunSettings settings)
    {
        _settings.Add(settings);
        return settings;
    }
}
