namespace MediaGen.Demo;

/// <summary>
/// What the demo needs to reach the stack, from the environment <c>scripts/run.sh</c> sets from the launcher's
/// <c>.run/stack.env</c>.
/// </summary>
/// <param name="HostUrl">The app's base address (<c>DEMO_HOST_URL</c>).</param>
/// <param name="ApiKey">The run's API key (<c>DEMO_API_KEY</c>).</param>
/// <param name="CallbackKeys">The callback signing secret and, while a rotation is under way, the next one
/// (<c>DEMO_CALLBACK_KEY</c>, <c>DEMO_CALLBACK_NEXT_KEY</c>): every delivery must verify with each.</param>
/// <param name="StorageConnection">A connection string for the stack's Azurite (account, key, blob and queue endpoints).</param>
/// <param name="RequestsQueue">The queue the app takes job requests from (<c>DEMO_REQUESTS_QUEUE</c>).</param>
/// <param name="ResultsQueue">The queue the app publishes finished jobs to (<c>DEMO_RESULTS_QUEUE</c>).</param>
/// <param name="Inbox">The blob container whose uploads become jobs (<c>DEMO_INBOX</c>).</param>
/// <param name="IntakeCaller">The caller queued and inbox jobs belong to (<c>DEMO_INTAKE_CALLER</c>, default "default").</param>
/// <param name="InboxProcessed">The standalone host's inbox marker container (<c>DEMO_INBOX_PROCESSED</c>); null for
/// the Functions app, whose blob trigger keeps its own receipts.</param>
internal sealed record DemoSettings(
    Uri HostUrl, string ApiKey, IReadOnlyList<string> CallbackKeys, string StorageConnection,
    string RequestsQueue, string ResultsQueue, string Inbox, string IntakeCaller, string? InboxProcessed)
{
    public static DemoSettings FromEnvironment()
    {
        static string Required(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"The demo needs the environment variable {name} (scripts/run.sh sets it).");
        static string? Optional(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;

        var account = Optional("DEMO_ACCOUNT") ?? "devstoreaccount1";
        var connection = $"DefaultEndpointsProtocol=http;AccountName={account};AccountKey={Required("DEMO_ACCOUNT_KEY")};"
            + $"BlobEndpoint={Required("DEMO_BLOB_URL").TrimEnd('/')}/{account};QueueEndpoint={Required("DEMO_QUEUE_URL").TrimEnd('/')}/{account};";
        return new DemoSettings(
            new Uri(Required("DEMO_HOST_URL").TrimEnd('/') + "/"),
            Required("DEMO_API_KEY"),
            new[] { Required("DEMO_CALLBACK_KEY"), Optional("DEMO_CALLBACK_NEXT_KEY") }.OfType<string>().ToArray(),
            connection,
            Required("DEMO_REQUESTS_QUEUE"),
            Required("DEMO_RESULTS_QUEUE"),
            Required("DEMO_INBOX"),
            Optional("DEMO_INTAKE_CALLER") ?? "default",
            Optional("DEMO_INBOX_PROCESSED"));
    }
}
