using System.Text.Json;
using MediaGen.Functions.Tests.Support;
using MediaGen.Testing;

namespace MediaGen.Functions.Tests.Infra;

/// <summary>
/// infra/main.bicep, which deploys the Functions app, compiles with the Bicep CLI, has no linter warning left
/// unexplained, and gives the app every setting its code reads — as local.settings.sample.json does for Core Tools.
/// </summary>
public sealed class MainBicepTests(BicepBuild bicep) : IClassFixture<BicepBuild>
{
    /// <summary>
    /// Linter warnings accepted, by rule, with the reason. Empty: the template compiles without any; add a rule here only
    /// with the reason it cannot be fixed in the template.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, string> ExplainedWarnings = new Dictionary<string, string>();

    [Fact]
    public void Build_MainBicep_CompilesWithoutErrorsOrUnexplainedWarnings()
    {
        var errors = bicep.DiagnosticsOf("Error").Select(d => d.Line).ToList();
        var unexplained = bicep.DiagnosticsOf("Warning").Where(d => !ExplainedWarnings.ContainsKey(d.Code)).Select(d => d.Line).ToList();

        Assert.True(bicep.ExitCode == 0 && errors.Count == 0, $"bicep build failed ({bicep.ExitCode}):\n{string.Join("\n", bicep.Diagnostics)}");
        Assert.True(unexplained.Count == 0, "unexplained linter warnings:\n" + string.Join("\n", unexplained));
        using var template = JsonDocument.Parse(bicep.Output);
        Assert.StartsWith("https://schema.management.azure.com/schemas/", template.RootElement.GetProperty("$schema").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void CompiledTemplate_EverySettingTheAppReads_IsAnAppSetting()
    {
        var appSettings = bicep.FunctionAppSettings();

        var missing = FunctionsAppSettings.All().Where(s => !appSettings.ContainsKey(s.Key)).Select(s => $"{s.Key} ({string.Join("; ", s.Value)})").ToList();

        Assert.True(missing.Count == 0, "the compiled template's app settings lack: " + string.Join(", ", missing));
    }

    [Fact]
    public void LocalSettingsSample_EverySettingTheAppReads_IsListed()
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(RepoPaths.Combine("local.settings.sample.json")));
        var values = sample.RootElement.GetProperty("Values");

        var missing = FunctionsAppSettings.All().Where(s => !values.TryGetProperty(s.Key, out _)).Select(s => $"{s.Key} ({string.Join("; ", s.Value)})").ToList();

        Assert.True(missing.Count == 0, "local.settings.sample.json lacks: " + string.Join(", ", missing));
    }

    [Fact]
    public void CompiledTemplate_HubNameOfHostJson_IsTheTaskHubParameter()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(RepoPaths.Combine("host.json")));
        var hubSetting = host.RootElement.GetProperty("extensions").GetProperty("durableTask").GetProperty("hubName").GetString()!.Trim('%');

        Assert.Equal("[parameters('taskHubName')]", bicep.FunctionAppSettings()[hubSetting]);
    }

    [Fact]
    public void FunctionsAppSettings_OfTheApp_IncludeBindingExpressionsDirectReadsAndOptions()
    {
        var settings = FunctionsAppSettings.All();

        // One of each source, so a broken source cannot make the checks above pass by finding nothing.
        Assert.Contains("binding expression of RequestQueue", settings["RequestQueueName"]);
        Assert.Contains("options TriggerNames", settings["RequestQueueName"]);
        Assert.Contains("binding expression of BlobInboxPolling", settings["BlobInboxContainerName"]);
        Assert.Contains("options StorageConnectionOptions", settings["AzureWebJobsStorage"]);
        Assert.Contains("host.json", settings["DurableTaskHubName"]);
        Assert.Contains("options ApiKeyOptions", settings["Api__Key"]);
        Assert.Contains("options InboxJobSettings", settings["BlobInbox__SasLifetime"]);
        Assert.Contains("read by FunctionsServiceCollectionExtensions.cs", settings["APPLICATIONINSIGHTS_CONNECTION_STRING"]);
        Assert.Contains("read by TelemetryServiceCollectionExtensions.cs", settings["OTEL_SERVICE_NAME"]);
        Assert.DoesNotContain("DurableTask__HubName", settings.Keys);
        Assert.DoesNotContain("RequestQueue__MaxDequeueCount", settings.Keys);
    }
}
