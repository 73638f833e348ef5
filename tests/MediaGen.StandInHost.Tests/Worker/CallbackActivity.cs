namespace MediaGen.StandInHost.Tests.Worker;

/// <summary>
/// Invocations of the app's <c>SendCallbackActivity</c>: harmless (one signed POST to a URL the test owns) and observable
/// from outside the worker, so a test sees that the activity really ran there.
/// </summary>
internal static class CallbackActivity
{
    /// <summary>The function's name in the app's metadata.</summary>
    public const string FunctionName = "SendCallbackActivity";

    /// <summary>An invocation delivering a completed job's notification with <paramref name="deliveryId"/> to <paramref name="url"/>.</summary>
    public static FunctionInvocation Invocation(Uri url, string deliveryId, string jobId) => new(
        FunctionName,
        Guid.NewGuid().ToString(),
        [new NamedValue("input", new BindingValue.Json(JsonSerializer.Serialize(new
        {
            url = url.ToString(),
            deliveryId,
            notification = new { id = jobId, type = "job", status = "Completed", completedAt = "2026-12-07T10:00:00+00:00" },
        })))],
        new Dictionary<string, BindingValue> { ["instanceId"] = new BindingValue.Text(jobId) });
}
