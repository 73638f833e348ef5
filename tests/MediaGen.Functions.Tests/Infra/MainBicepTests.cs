namespace MediaGen.Functions.Tests.Infra;

/// <summary>
/// infra/main.bicep, which deploys the Functions app, compiles with the Bicep CLI, has no linter warning left
/// unexplained, reaches storage with the app's managed identity only (identity-based <c>AzureWebJobsStorage</c>, the data
/// roles, shared-key access off, a firewall admitting the app's subnet), and gives the app every setting its code reads — as local.settings.sample.json does for Core Tools.
/// </summary>
public sealed partial class MainBicepTests(BicepBuild bicep) : IClassFixture<BicepBuild>
{
    private const string StorageConnection = "AzureWebJobsStorage";

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

        // The storage connection is deployed identity-based (AzureWebJobsStorage__accountName), which the host, its
        // extensions and MediaGen's StorageAccount all read in place of the connection string.
        var missing = FunctionsAppSettings.All()
            .Where(s => !appSettings.ContainsKey(s.Key) && !(s.Key == StorageConnection && appSettings.ContainsKey(StorageConnection + "__accountName")))
            .Select(s => $"{s.Key} ({string.Join("; ", s.Value)})").ToList();

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
    public void CompiledTemplate_StorageConnection_IsIdentityBasedWithNoAccountKey()
    {
        var appSettings = bicep.FunctionAppSettings();

        Assert.False(appSettings.ContainsKey(StorageConnection), "AzureWebJobsStorage is a connection string (with the account key)");
        Assert.Equal("[variables('storageName')]", appSettings[StorageConnection + "__accountName"]);
        Assert.Equal("managedidentity", appSettings[StorageConnection + "__credential"]);
        Assert.DoesNotContain("AccountKey", bicep.Output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("listKeys(resourceId('Microsoft.Storage/storageAccounts'", bicep.Output, StringComparison.Ordinal);
        var deployment = bicep.Resource("Microsoft.Web/sites").GetProperty("properties").GetProperty("functionAppConfig").GetProperty("deployment").GetProperty("storage");
        Assert.Equal("SystemAssignedIdentity", deployment.GetProperty("authentication").GetProperty("type").GetString());
    }

    [Fact]
    public void CompiledTemplate_StorageAccount_HasSharedKeyOffAndAFirewallThatAdmitsTheAppsSubnet()
    {
        var storage = bicep.Resource("Microsoft.Storage/storageAccounts").GetProperty("properties");
        var site = bicep.Resource("Microsoft.Web/sites").GetProperty("properties");
        var subnet = bicep.Resource("Microsoft.Network/virtualNetworks").GetProperty("properties").GetProperty("subnets")[0].GetProperty("properties");

        Assert.False(storage.GetProperty("allowSharedKeyAccess").GetBoolean());
        Assert.False(storage.GetProperty("allowBlobPublicAccess").GetBoolean());
        Assert.True(storage.GetProperty("defaultToOAuthAuthentication").GetBoolean());
        var acls = storage.GetProperty("networkAcls");
        Assert.Equal("[if(parameters('restrictStorageNetwork'), 'Deny', 'Allow')]", acls.GetProperty("defaultAction").GetString());
        Assert.True(bicep.ParameterDefault("restrictStorageNetwork").GetBoolean(), "the firewall denies by default");
        Assert.Equal("[reference('vnet').subnets[0].id]", acls.GetProperty("virtualNetworkRules")[0].GetProperty("id").GetString());
        Assert.Equal("[reference('vnet').subnets[0].id]", site.GetProperty("virtualNetworkSubnetId").GetString());
        Assert.Equal("Microsoft.Storage", subnet.GetProperty("serviceEndpoints")[0].GetProperty("service").GetString());
        Assert.Equal("Microsoft.App/environments", subnet.GetProperty("delegations")[0].GetProperty("properties").GetProperty("serviceName").GetString());
    }

    [Fact]
    public void CompiledTemplate_AppIdentity_HoldsTheStorageDataRolesOnTheAccount()
    {
        var variables = bicep.Variables();
        var storageRoles = bicep.Resources("Microsoft.Authorization/roleAssignments")
            .Where(r => r.GetProperty("scope").GetString()!.Contains("Microsoft.Storage/storageAccounts", StringComparison.Ordinal))
            .ToList();

        var granted = storageRoles
            .SelectMany(r => RoleVariable().Matches(r.GetProperty("properties").GetProperty("roleDefinitionId").GetString()!).Select(m => m.Groups["name"].Value))
            .Select(name => variables.GetProperty(name).GetString())
            .ToHashSet();
        Assert.Superset(new HashSet<string?>
        {
            "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", // Storage Blob Data Owner (blobs, blob leases, the Flex deployment container, user delegation keys)
            "974c5e8b-45b9-4653-ba55-5f855dd0fb88", // Storage Queue Data Contributor (triggers, task hub queues, results queue)
            "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", // Storage Table Data Contributor (task hub history and instances)
        }, granted);
        Assert.All(storageRoles, r => Assert.Equal("[reference('app', '2024-04-01', 'full').identity.principalId]", r.GetProperty("properties").GetProperty("principalId").GetString()));
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

    [System.Text.RegularExpressions.GeneratedRegex(@"variables\('(?<name>[A-Za-z]+)'\)")]
    private static partial System.Text.RegularExpressions.Regex RoleVariable();
}
