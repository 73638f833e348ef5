namespace MediaGen.Host.Tests.Api;

[Collection(HostCollection.Name)]
public sealed class OpenApiTests(HostEnvironment env)
{
    private static readonly (string Method, string Path, string[] Statuses, bool Keyed)[] Routes =
    [
        ("post", "/api/jobs", ["202", "201", "200", "400", "401", "402", "415", "503"], true),
        ("get", "/api/jobs", ["200", "400", "401"], true),
        ("get", "/api/jobs/{id}", ["200", "404", "410", "401"], true),
        ("post", "/api/jobs/{id}/cancel", ["202", "404", "409", "401"], true),
        ("get", "/api/jobs/{id}/details", ["200", "404", "401"], true),
        ("get", "/api/jobs/{id}/previews", ["200", "404", "401"], true),
        ("post", "/api/jobs/{id}/rerun", ["202", "200", "400", "402", "404", "401"], true),
        ("post", "/api/jobs/purge", ["200", "400", "401"], true),
        ("post", "/api/batches", ["202", "201", "200", "400", "401", "402", "415"], true),
        ("get", "/api/jobs/{id}/events", ["200", "404", "410", "401"], true),
        ("get", "/api/batches/{id}", ["200", "404", "410", "401"], true),
        ("get", "/api/batches/{id}/timeline", ["200", "404", "401"], true),
        ("post", "/api/chains", ["202", "201", "200", "400", "401", "402", "415", "503"], true),
        ("get", "/api/budgets", ["200", "401"], true),
        ("get", "/api/overview", ["200", "400", "401"], true),
        ("post", "/api/text/stream", ["200", "400", "401", "415", "503"], true),
        ("post", "/api/webhooks/pixazo/{id}", ["200", "400", "401", "404", "503"], false),
        ("get", "/api/health", ["200", "503"], false),
        ("get", "/api/health/ready", ["200", "503"], false),
        ("get", "/api/health/live", ["200"], false),
    ];

    [Fact]
    public async Task OpenApiDocument_Served_DescribesEveryRouteWithSummaryResponsesAndKey()
    {
        await using var host = await env.StartHostAsync();

        using var document = JsonDocument.Parse(await host.Anonymous.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var root = document.RootElement;
        var paths = root.GetProperty("paths");
        Assert.Equal(Routes.Length, paths.EnumerateObject().Sum(p => p.Value.EnumerateObject().Count()));
        foreach (var (method, path, statuses, keyed) in Routes)
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is missing");
            Assert.True(item.TryGetProperty(method, out var operation), $"{method} {path} is missing");
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()), $"{method} {path} has no summary");
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("operationId").GetString()), $"{method} {path} has no name");
            var responses = operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
            Assert.All(statuses, status => Assert.Contains(status, responses));
            Assert.Equal(keyed, operation.GetProperty("security").GetArrayLength() > 0);
        }

        Assert.Equal("#/components/schemas/PixazoWebhookBody", BodySchema(paths, "/api/webhooks/pixazo/{id}").GetProperty("$ref").GetString());
        Assert.Contains("request_id", root.GetProperty("components").GetProperty("schemas").GetProperty("PixazoWebhookBody").GetRawText(), StringComparison.Ordinal);
        Assert.Equal("#/components/schemas/JobRequest", BodySchema(paths, "/api/jobs").GetProperty("$ref").GetString());
        var schemes = root.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("x-functions-key", schemes.GetProperty("functionsKey").GetProperty("name").GetString());
        var schemas = root.GetProperty("components").GetProperty("schemas").EnumerateObject().Select(s => s.Name).ToList();
        Assert.All(["JobRequest", "JobAccepted", "JobState", "JobPage", "BatchRequest", "BatchState", "ChainRequest", "TextStreamRequest", "BudgetReport", "JobDetails", "JobPurgeResult"],
            schema => Assert.Contains(schema, schemas));

        // Prefer: wait (issue 26): the header on every start route, Preference-Applied on its answers, the event stream's example.
        foreach (var start in (string[])["/api/jobs", "/api/batches", "/api/chains"])
        {
            var post = paths.GetProperty(start).GetProperty("post");
            Assert.Contains(post.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "Prefer" && p.GetProperty("in").GetString() == "header");
            Assert.True(post.GetProperty("responses").GetProperty("201").GetProperty("headers").TryGetProperty("Preference-Applied", out _), $"{start} 201 has no Preference-Applied");
        }

        Assert.Contains("event: end", paths.GetProperty("/api/jobs/{id}/events").GetProperty("get").GetProperty("responses").GetProperty("200")
            .GetProperty("content").GetProperty("text/event-stream").GetProperty("example").GetString(), StringComparison.Ordinal);

        // Ownership (issue 28): the document says whose jobs a key reaches, and shows each job's and batch's caller.
        Assert.Contains("Api__AdminCallers", root.GetProperty("info").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("caller (operators", paths.GetProperty("/api/jobs").GetProperty("get").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("another caller's", paths.GetProperty("/api/jobs/{id}/cancel").GetProperty("post").GetProperty("description").GetString(), StringComparison.Ordinal);
        foreach (var schema in (string[])["JobState", "BatchState"])
        {
            Assert.True(root.GetProperty("components").GetProperty("schemas").GetProperty(schema).GetProperty("properties").TryGetProperty("caller", out _), $"{schema} has no caller");
            Assert.True(root.GetProperty("components").GetProperty("schemas").GetProperty(schema).GetProperty("properties").TryGetProperty("expiresAt", out _), $"{schema} has no expiresAt");
        }

        // Retention (issue 26): a finished job's example carries expiresAt; an expired one answers 410 naming when.
        var getJob = paths.GetProperty("/api/jobs/{id}").GetProperty("get").GetProperty("responses");
        Assert.True(getJob.GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("example").TryGetProperty("expiresAt", out _));
        Assert.Contains("expired at", getJob.GetProperty("410").GetProperty("content").GetProperty("application/problem+json").GetProperty("example").GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocument_Served_MatchesTheCommittedDocument()
    {
        await using var host = await env.StartHostAsync();

        var served = CommittedForm(await host.Anonymous.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var committed = await File.ReadAllTextAsync(RepoPaths.Combine(CommittedPath));
        if (committed != served)
        {
            var fresh = Path.Combine(Path.GetTempPath(), $"mediagen-openapi-{Guid.NewGuid():N}.json");
            await File.WriteAllTextAsync(fresh, served);
            Assert.Fail($"{CommittedPath} is not the document the host serves. The served one is at {fresh}: review it and copy it over {CommittedPath}.");
        }
    }

    /// <summary>The repository's copy of the document, which the TypeScript types and the lint read.</summary>
    internal const string CommittedPath = "docs/openapi.json";

    // The served document as committed: the servers list (the URL this test host happened to listen on) replaced by
    // the relative "/" (the host that serves the document), indented, with a final newline.
    private static string CommittedForm(string served)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(served)!.AsObject();
        Assert.True(node.ContainsKey("servers"), "the served document names its server");
        node["servers"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
        {
            ["url"] = "/",
            ["description"] = "The host that serves this document (GET /openapi/v1.json names its own URL here).",
        });
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    private static JsonElement BodySchema(JsonElement paths, string path) =>
        paths.GetProperty(path).GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
}
