using MediaGen.Engine;

namespace MediaGen.Functions.Tests.Infra;

/// <summary>
/// The Functions app and the standalone host do not share a task hub by default: pointed at one storage account, two
/// engines on one hub would take each other's orchestration and activity work items (docs/durable.md). Every default of
/// the Functions app's hub (local.settings.sample.json, the Bicep template and its parameters file) differs from every
/// default of the standalone host's (its options, the sample), and each is a valid hub name.
/// </summary>
public sealed partial class TaskHubNameTests(BicepBuild bicep) : IClassFixture<BicepBuild>
{
    [Fact]
    public void DefaultHubs_FunctionsAppAndStandaloneHost_Differ()
    {
        var functions = FunctionsHubDefaults();
        var standalone = StandaloneHubDefaults();

        Assert.Equal(["MediaGenFunctions"], functions.Values.Distinct(StringComparer.OrdinalIgnoreCase));
        Assert.Equal(["MediaGen"], standalone.Values.Distinct(StringComparer.OrdinalIgnoreCase));
        // Queue, table and container names are lower-cased: names differing only in case would still collide.
        Assert.Empty(functions.Values.Intersect(standalone.Values, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void DefaultHubs_Everywhere_AreValidTaskHubNames()
    {
        var invalid = FunctionsHubDefaults().Concat(StandaloneHubDefaults()).Where(d => !HubName().IsMatch(d.Value)).Select(d => $"{d.Key}: '{d.Value}'").ToList();

        Assert.True(invalid.Count == 0, "not 3–45 letters/digits starting with a letter: " + string.Join(", ", invalid));
    }

    private Dictionary<string, string> FunctionsHubDefaults()
    {
        using var template = JsonDocument.Parse(bicep.Output);
        using var parameters = JsonDocument.Parse(File.ReadAllText(RepoPaths.Combine("infra", "main.parameters.json")));
        return new Dictionary<string, string>
        {
            ["local.settings.sample.json DurableTaskHubName"] = PlatformSettings.SampleValues()["DurableTaskHubName"],
            ["main.bicep taskHubName default"] = template.RootElement.GetProperty("parameters").GetProperty("taskHubName").GetProperty("defaultValue").GetString()!,
            ["main.parameters.json taskHubName"] = parameters.RootElement.GetProperty("parameters").GetProperty("taskHubName").GetProperty("value").GetString()!,
        };
    }

    private static Dictionary<string, string> StandaloneHubDefaults() => new()
    {
        ["DurableEngineOptions.HubName default"] = new DurableEngineOptions().HubName,
        ["local.settings.sample.json DurableTask__HubName"] = PlatformSettings.SampleValues()["DurableTask__HubName"],
    };

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,44}$")]
    private static partial Regex HubName();
}
