namespace MediaGen.Functions.Tests.Wiring;

/// <summary>
/// The function metadata the Worker SDK generated into the app's build output (<c>functions.metadata</c>, what the
/// Functions host indexes the app by), compared with the table of what each function must be.
/// </summary>
public sealed class FunctionMetadataTests
{
    private const string Keyless = "Anonymous";

    /// <summary>Name → trigger type, route, methods, auth level, queue name or blob path, connection, binds a durable client.</summary>
    public static TheoryData<string, string, string?, string?, string?, string?, string?, bool> Expected => new()
    {
        { "StartJob", "httpTrigger", "jobs", "post", Keyless, null, null, true },
        { "ListJobs", "httpTrigger", "jobs", "get", Keyless, null, null, true },
        { "GetJob", "httpTrigger", "jobs/{id}", "get", Keyless, null, null, true },
        { "CancelJob", "httpTrigger", "jobs/{id}/cancel", "post", Keyless, null, null, true },
        { "JobEvents", "httpTrigger", "jobs/{id}/events", "get", Keyless, null, null, true },
        { "GetJobDetails", "httpTrigger", "jobs/{id}/details", "get", Keyless, null, null, true },
        { "RerunJob", "httpTrigger", "jobs/{id}/rerun", "post", Keyless, null, null, true },
        { "PurgeJobs", "httpTrigger", "jobs/purge", "post", Keyless, null, null, true },
        { "GetJobPreviews", "httpTrigger", "jobs/{id}/previews", "get", Keyless, null, null, true },
        { "GetBatchTimeline", "httpTrigger", "batches/{id}/timeline", "get", Keyless, null, null, true },
        { "GetOverview", "httpTrigger", "overview", "get", Keyless, null, null, true },
        { "Dashboard", "httpTrigger", "dashboard/{*path}", "get", Keyless, null, null, false },
        { "StartBatch", "httpTrigger", "batches", "post", Keyless, null, null, true },
        { "GetBatch", "httpTrigger", "batches/{id}", "get", Keyless, null, null, true },
        { "StartChain", "httpTrigger", "chains", "post", Keyless, null, null, true },
        { "GetBudgets", "httpTrigger", "budgets", "get", Keyless, null, null, false },
        { "StreamText", "httpTrigger", "text/stream", "post", Keyless, null, null, false },
        { "ReceivePixazoWebhook", "httpTrigger", "webhooks/pixazo/{id}", "post", Keyless, null, null, true },
        { "Health", "httpTrigger", "health", "get", Keyless, null, null, false },
        { "HealthReady", "httpTrigger", "health/ready", "get", Keyless, null, null, false },
        { "HealthLive", "httpTrigger", "health/live", "get", Keyless, null, null, false },
        { "RequestQueue", "queueTrigger", null, null, null, "%RequestQueueName%", "AzureWebJobsStorage", true },
        { "BlobInbox", "blobTrigger", null, null, null, "%BlobInboxContainerName%/{name}", "AzureWebJobsStorage", true },
        { "BlobInboxPolling", "blobTrigger", null, null, null, "%BlobInboxContainerName%/{name}", "AzureWebJobsStorage", true },
        { "RetentionPurge", "timerTrigger", null, null, null, null, null, true },
        { "SyncGenerationOrchestrator", "orchestrationTrigger", null, null, null, null, null, false },
        { "PixazoGenerationOrchestrator", "orchestrationTrigger", null, null, null, null, null, false },
        { "BatchOrchestrator", "orchestrationTrigger", null, null, null, null, null, false },
        { "BatchChunkOrchestrator", "orchestrationTrigger", null, null, null, null, null, false },
        { "ChainOrchestrator", "orchestrationTrigger", null, null, null, null, null, false },
        { "FailoverOrchestrator", "orchestrationTrigger", null, null, null, null, null, false },
        { "GenerateActivity", "activityTrigger", null, null, null, null, null, false },
        { "CopyMediaActivity", "activityTrigger", null, null, null, null, null, false },
        { "PixazoSubmitActivity", "activityTrigger", null, null, null, null, null, false },
        { "PixazoPollActivity", "activityTrigger", null, null, null, null, null, false },
        { "PublishResultActivity", "activityTrigger", null, null, null, null, null, false },
        { "SendCallbackActivity", "activityTrigger", null, null, null, null, null, false },
        { "SettleBudgetActivity", "activityTrigger", null, null, null, null, null, false },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Metadata_EachFunction_MatchesTheTable(
        string name, string trigger, string? route, string? method, string? authLevel, string? path, string? connection, bool durableClient)
    {
        var function = Functions()[name];
        var bindings = function.GetProperty("bindings").EnumerateArray().ToList();

        var triggerBinding = Assert.Single(bindings, b => Text(b, "type")!.EndsWith("Trigger", StringComparison.Ordinal));
        Assert.Equal(trigger, Text(triggerBinding, "type"));
        Assert.Equal("In", Text(triggerBinding, "direction"));
        Assert.Equal(route, Text(triggerBinding, "route"));
        Assert.Equal(method, triggerBinding.TryGetProperty("methods", out var methods) ? string.Join(",", methods.EnumerateArray().Select(m => m.GetString())) : null);
        Assert.Equal(authLevel, Text(triggerBinding, "authLevel"));
        Assert.Equal(path, Text(triggerBinding, "queueName") ?? Text(triggerBinding, "path"));
        Assert.Equal(connection, Text(triggerBinding, "connection"));
        Assert.Equal(durableClient, bindings.Any(b => Text(b, "type") == "durableClient"));
        Assert.Equal(trigger == "httpTrigger", bindings.Any(b => Text(b, "type") == "http" && Text(b, "name") == "$return" && Text(b, "direction") == "Out"));
    }

    [Fact]
    public void Metadata_RetentionPurge_RunsOnTheFlatScheduleSetting()
    {
        var timer = Functions()["RetentionPurge"].GetProperty("bindings").EnumerateArray().Single(b => Text(b, "type") == "timerTrigger");

        Assert.Equal("%RetentionPurgeSchedule%", Text(timer, "schedule"));
    }

    [Fact]
    public void Metadata_EveryFunction_IsInTheTable()
    {
        var expected = Expected.Select(row => (string)row[0]).Order(StringComparer.Ordinal);

        Assert.Equal(expected, Functions().Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("BlobInbox", "EventGrid")]
    [InlineData("BlobInboxPolling", "LogsAndContainerScan")]
    public void Metadata_InboxFunction_UsesItsBlobSource(string function, string source)
    {
        var blob = Functions()[function].GetProperty("bindings").EnumerateArray().Single(b => Text(b, "type") == "blobTrigger");

        Assert.Equal(source, Text(blob, "source"));
    }

    [Fact]
    public void WorkflowCatalog_EveryOrchestrator_HasAnOrchestrationFunctionOfItsName()
    {
        var functions = Functions();

        Assert.All(WorkflowCatalog.Orchestrators, type => Assert.Equal("orchestrationTrigger", TriggerOf(functions[type.Name])));
        Assert.Equal(
            WorkflowCatalog.Orchestrators.Select(t => t.Name).Order(StringComparer.Ordinal),
            functions.Where(f => TriggerOf(f.Value) == "orchestrationTrigger").Select(f => f.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void WorkflowCatalog_EveryActivity_HasAnActivityFunctionOfItsName()
    {
        var functions = Functions();

        Assert.All(WorkflowCatalog.Activities, type => Assert.Equal("activityTrigger", TriggerOf(functions[type.Name])));
        Assert.Equal(
            WorkflowCatalog.Activities.Select(t => t.Name).Order(StringComparer.Ordinal),
            functions.Where(f => TriggerOf(f.Value) == "activityTrigger").Select(f => f.Key).Order(StringComparer.Ordinal));
    }

    private static IReadOnlyDictionary<string, JsonElement> Functions() => FunctionsMetadata.Functions;

    private static string? TriggerOf(JsonElement function) =>
        function.GetProperty("bindings").EnumerateArray().Select(b => Text(b, "type")).Single(t => t is not null && t.EndsWith("Trigger", StringComparison.Ordinal));

    private static string? Text(JsonElement element, string property) => FunctionsMetadata.Text(element, property);
}
