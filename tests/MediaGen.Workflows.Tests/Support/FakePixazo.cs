namespace MediaGen.Workflows.Tests.Support;

/// <summary>Pixazo as the tests play it: status reports, webhooks as Pixazo posts them, and what a waiting job shows.</summary>
internal static class FakePixazo
{
    public static PixazoStatusReport Processing(string requestId) => new(requestId, PixazoStatus.Processing, null, [], null);

    public static PixazoStatusReport Completed(string requestId, int outputs) =>
        new(requestId, PixazoStatus.Completed, null, [.. Enumerable.Range(0, outputs).Select(i => $"https://cdn.test/{requestId}/{i}.jpg")], "image/jpeg");

    /// <summary>The job id of a request id the fake submit made (<c>req-{jobId}-{submission}</c>).</summary>
    public static string JobOf(string requestId) => requestId["req-".Length..requestId.LastIndexOf('-')];

    /// <summary>Waits until the job waits for Pixazo (submitted, webhook or poll pending).</summary>
    public static Task<OrchestrationMetadata> WaitingAsync(WorkflowTestHost host, string jobId) =>
        host.WaitForAsync(jobId, i => WorkflowTestHost.Progress(i).TryGetProperty("phase", out var phase) && phase.GetString() == "waiting");

    /// <summary>
    /// Waits until the job has submitted to Pixazo: waiting for it, or already past waiting (copying, notifying, done, or
    /// finished), for tests where a quick poll may end the wait between two looks.
    /// </summary>
    public static Task<OrchestrationMetadata> SubmittedAsync(WorkflowTestHost host, string jobId) =>
        host.WaitForAsync(jobId, i => i.IsCompleted
            || (WorkflowTestHost.Progress(i).TryGetProperty("phase", out var phase) && phase.GetString() is "waiting" or "copying" or "notifying" or "done"));

    /// <summary>
    /// Posts a webhook to the job service as Pixazo would, with the job's secret: Pixazo then holds <paramref name="report"/>
    /// (<see cref="FakeProviders.PixazoHolds"/>), so the job's confirming poll reads the same.
    /// </summary>
    public static Task<PixazoWebhookResult> PostWebhookAsync(WorkflowTestHost host, string jobId, PixazoStatusReport report)
    {
        host.Fakes.PixazoHolds[report.RequestId] = report;
        return ForgeWebhookAsync(host, jobId, report);
    }

    /// <summary>Posts a webhook with the job's secret that Pixazo did not send: Pixazo's own status is unchanged.</summary>
    public static Task<PixazoWebhookResult> ForgeWebhookAsync(WorkflowTestHost host, string jobId, PixazoStatusReport report) =>
        host.Webhooks.ReceiveAsync(jobId, SecretOf(host.Webhooks.UrlFor(jobId)!), Body(report));

    /// <summary>The poll waits the job asked for, exactly (durable time, from its episodes).</summary>
    public static List<TimeSpan> PollWaits(WorkflowTestHost host, string jobId) =>
        [.. host.Episodes.Of(jobId).Where(e => e.Phase == "waiting").SelectMany(e => e.AnnouncedWaits)];

    public static string SecretOf(string url) => url[(url.IndexOf("secret=", StringComparison.Ordinal) + "secret=".Length)..];

    /// <summary>The webhook body as Pixazo sends it.</summary>
    public static byte[] Body(PixazoStatusReport report) => JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
    {
        ["request_id"] = report.RequestId,
        ["status"] = report.Status.ToString().ToUpperInvariant(),
        ["model_id"] = "cosmos-3-super-text-to-image",
        ["error"] = report.Error,
        ["output"] = report.Status == PixazoStatus.Completed ? new Dictionary<string, object?> { ["media_url"] = report.MediaUrls, ["media_type"] = report.MediaType } : null,
    });
}
