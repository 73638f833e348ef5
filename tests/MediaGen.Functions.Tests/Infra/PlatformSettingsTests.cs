using MediaGen.Functions.Triggers;

namespace MediaGen.Functions.Tests.Infra;

/// <summary>
/// The settings the Functions host and the platform's scale controller read by name — every binding expression and
/// connection in the generated <c>functions.metadata</c> (and host.json's <c>%…%</c>) — are flat app-setting names (the
/// scale controller does not map <c>Section:Key</c> to <c>Section__Key</c>: a queue named that way is never watched) and
/// resolve, as the host resolves them, from the compiled Bicep template's app settings and from local.settings.sample.json.
/// The inbox's two blob functions are switched by <c>AzureWebJobs.&lt;name&gt;.Disabled</c>: Event Grid in Azure, polling locally.
/// </summary>
public sealed class PlatformSettingsTests(BicepBuild bicep) : IClassFixture<BicepBuild>
{
    private static readonly IReadOnlyList<PlatformSettingReference> References = PlatformSettings.References();

    [Fact]
    public void References_OfTheApp_IncludeTheTriggersExpressionsAndConnections()
    {
        // A broken reader must not make the checks below pass by finding nothing.
        Assert.Contains(new PlatformSettingReference("RequestQueue", "queueTrigger", "RequestQueueName", false), References);
        Assert.Contains(new PlatformSettingReference("RequestQueue", "queueTrigger", "AzureWebJobsStorage", true), References);
        Assert.Contains(new PlatformSettingReference(BlobInboxFunction.EventGridFunction, "blobTrigger", "BlobInboxContainerName", false), References);
        Assert.Contains(new PlatformSettingReference(BlobInboxFunction.PollingFunction, "blobTrigger", "AzureWebJobsStorage", true), References);
        Assert.Contains(new PlatformSettingReference("host.json", "host.json", "DurableTaskHubName", false), References);
    }

    [Fact]
    public void References_EveryExpressionAndConnection_IsAFlatSettingName()
    {
        var sectioned = References.Where(r => !PlatformSettings.IsFlat(r.Name)).Select(r => r.ToString()).ToList();

        Assert.True(sectioned.Count == 0, "names the platform cannot read (no ':' or '__'): " + string.Join("; ", sectioned));
    }

    [Fact]
    public void CompiledTemplate_EveryExpressionAndConnection_Resolves()
    {
        var unresolved = UnresolvedBy(bicep.FunctionAppSettings());

        Assert.True(unresolved.Count == 0, "the compiled template's app settings leave unresolved: " + string.Join("; ", unresolved));
    }

    [Fact]
    public void LocalSettingsSample_EveryExpressionAndConnection_Resolves()
    {
        var unresolved = UnresolvedBy(PlatformSettings.SampleValues());

        Assert.True(unresolved.Count == 0, "local.settings.sample.json leaves unresolved: " + string.Join("; ", unresolved));
    }

    [Theory]
    [InlineData("RequestQueueName", true)]
    [InlineData("AzureWebJobsStorage", true)]
    [InlineData("RequestQueue:QueueName", false)]
    [InlineData("RequestQueue__QueueName", false)]
    public void IsFlat_Name_TellsSectionedNamesApart(string name, bool flat) => Assert.Equal(flat, PlatformSettings.IsFlat(name));

    public static TheoryData<string, string[], string?> Connections => new()
    {
        // A connection string, plain or under the AzureWebJobs prefix the WebJobs lookup tries first.
        { "blobTrigger", ["Store=UseDevelopmentStorage=true"], null },
        { "blobTrigger", ["AzureWebJobsStore=UseDevelopmentStorage=true"], null },
        // Identity-based: an account name gives every service; service URIs must cover each service the binding uses.
        { "blobTrigger", ["Store__accountName=acct", "Store__credential=managedidentity"], null },
        { "queueTrigger", ["Store__queueServiceUri=https://acct.queue.core.windows.net"], null },
        { "blobTrigger", ["Store__blobServiceUri=https://acct.blob.core.windows.net"], "queueServiceUri" },
        { "blobTrigger", ["Store__blobServiceUri=https://acct.blob.core.windows.net", "Store__queueServiceUri=https://acct.queue.core.windows.net"], null },
        { "queueTrigger", ["Other=UseDevelopmentStorage=true"], "neither" },
        { "queueTrigger", ["Store="], "neither" },
    };

    [Theory]
    [MemberData(nameof(Connections))]
    public void Unresolved_Connection_FollowsTheStorageExtensionsLookup(string bindingType, string[] settings, string? error)
    {
        var values = settings.Select(s => s.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

        var why = PlatformSettings.Unresolved(new PlatformSettingReference("F", bindingType, "Store", IsConnection: true), values);

        if (error is null)
        {
            Assert.Null(why);
        }
        else
        {
            Assert.Contains(error, why, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void LocalSettingsSample_DisablesTheEventGridInboxOnly()
    {
        // Azurite raises no Event Grid events: Core Tools runs the polling function.
        Assert.Equal([BlobInboxFunction.EventGridFunction], PlatformSettings.DisabledFunctions(PlatformSettings.SampleValues()));
    }

    [Fact]
    public void CompiledTemplate_DisablesThePollingInboxOnly()
    {
        // The Flex Consumption plan runs blob triggers from Event Grid (the template subscribes BlobInbox).
        Assert.Equal([BlobInboxFunction.PollingFunction], PlatformSettings.DisabledFunctions(bicep.FunctionAppSettings()));
    }

    [Fact]
    public void DisabledFunctions_SwitchSettings_NameFunctionsOfTheMetadata()
    {
        var switches = PlatformSettings.SampleValues().Keys.Concat(bicep.FunctionAppSettings().Keys)
            .Where(k => k.StartsWith("AzureWebJobs.", StringComparison.Ordinal) && k.EndsWith(".Disabled", StringComparison.Ordinal))
            .Select(k => k["AzureWebJobs.".Length..^".Disabled".Length])
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal([BlobInboxFunction.EventGridFunction, BlobInboxFunction.PollingFunction], switches.Order(StringComparer.Ordinal));
        Assert.All(switches, f => Assert.True(FunctionsMetadata.Functions.ContainsKey(f), $"{f} is not a function of the app"));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("1", true)]
    [InlineData("false", false)]
    [InlineData("", false)]
    public void DisabledFunctions_Value_IsReadAsTheHostReadsIt(string value, bool disabled)
    {
        var settings = new Dictionary<string, string> { ["AzureWebJobs.F.Disabled"] = value, ["AzureWebJobsF.Disabled"] = "true" };

        Assert.Equal(disabled, PlatformSettings.DisabledFunctions(settings).Contains("F"));
    }

    private static List<string> UnresolvedBy(IReadOnlyDictionary<string, string> settings) =>
        [.. References.Select(r => (Reference: r, Why: PlatformSettings.Unresolved(r, settings))).Where(r => r.Why is not null).Select(r => $"{r.Reference}: {r.Why}")];
}
