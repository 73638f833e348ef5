namespace MediaGen.Launcher;

/// <summary>
/// What a client needs to reach a running stack, as the shell assignments <c>scripts/run.sh</c> sources and the demo
/// (tools/MediaGen.Demo) reads: <c>STACK_…='value'</c>, one a line, readable by the owner only (it holds the run's keys).
/// </summary>
public static class StackEnvFile
{
    /// <summary>Writes <paramref name="path"/> for <paramref name="stack"/> and its <paramref name="app"/> (null: none).</summary>
    public static async Task WriteAsync(string path, LocalStack stack, AppProcess? app, StackApp? kind, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var functions = kind == StackApp.Functions;
        var host = app?.BaseAddress.GetLeftPart(UriPartial.Authority) ?? "";
        Dictionary<string, string> values = new()
        {
            ["STACK_APP"] = kind is null ? "" : functions ? "functions" : "standalone",
            ["STACK_HOST_URL"] = host,
            ["STACK_DASHBOARD"] = app is null ? "" : host + (functions ? "/api/dashboard/" : "/dashboard/"),
            ["STACK_STORAGE"] = stack.Azurite.ConnectionString,
            ["STACK_SIMULATOR_URL"] = stack.SimulatorAddress.GetLeftPart(UriPartial.Authority),
            ["STACK_API_KEY"] = stack.ApiKey,
            ["STACK_CALLBACK_KEY"] = stack.CallbackKey,
            ["STACK_CALLBACK_NEXT_KEY"] = stack.CallbackNextKey,
            ["STACK_BLOB_URL"] = stack.Azurite.BlobServiceUrl.GetLeftPart(UriPartial.Authority),
            ["STACK_QUEUE_URL"] = stack.Azurite.QueueServiceUrl.GetLeftPart(UriPartial.Authority),
            ["STACK_ACCOUNT"] = AzuriteInstance.AccountName,
            ["STACK_ACCOUNT_KEY"] = AzuriteInstance.AccountKey,
            ["STACK_REQUESTS_QUEUE"] = LocalStack.RequestsQueue,
            ["STACK_RESULTS_QUEUE"] = LocalStack.ResultsQueue,
            ["STACK_INBOX"] = LocalStack.InboxContainer,
            // The Functions app's blob trigger keeps its own receipts (azure-webjobs-hosts), no marker blobs.
            ["STACK_INBOX_PROCESSED"] = functions ? "" : LocalStack.InboxProcessedContainer,
            ["STACK_HOST_LOG"] = app?.CurrentLog ?? "",
        };
        await File.WriteAllLinesAsync(path, values.Select(v => $"{v.Key}='{v.Value.Replace("'", "'\\''", StringComparison.Ordinal)}'"), cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
