namespace MediaGen.Demo;

/// <summary>
/// What the demo needs to reach the stack, read from the <c>stack.env</c> the launcher (tools/MediaGen.Launcher) writes
/// for the run: shell assignments <c>STACK_…='value'</c>.
/// </summary>
/// <param name="HostUrl">The app's base address (<c>STACK_HOST_URL</c>).</param>
/// <param name="ApiKey">The run's API key (<c>STACK_API_KEY</c>).</param>
/// <param name="CallbackKeys">The callback signing secret and, while a rotation is under way, the next one
/// (<c>STACK_CALLBACK_KEY</c>, <c>STACK_CALLBACK_NEXT_KEY</c>): every delivery must verify with each.</param>
/// <param name="StorageConnection">The stack's Azurite connection string (<c>STACK_STORAGE</c>).</param>
/// <param name="RequestsQueue">The queue the app takes job requests from (<c>STACK_REQUESTS_QUEUE</c>).</param>
/// <param name="ResultsQueue">The queue the app publishes finished jobs to (<c>STACK_RESULTS_QUEUE</c>).</param>
/// <param name="Inbox">The blob container whose uploads become jobs (<c>STACK_INBOX</c>).</param>
/// <param name="IntakeCaller">The caller queued and inbox jobs belong to (the launcher's apps keep the default, "default").</param>
/// <param name="InboxProcessed">The standalone host's inbox marker container (<c>STACK_INBOX_PROCESSED</c>); empty for
/// the Functions app, whose blob trigger keeps its own receipts.</param>
internal sealed record DemoSettings(
    Uri HostUrl, string ApiKey, IReadOnlyList<string> CallbackKeys, string StorageConnection,
    string RequestsQueue, string ResultsQueue, string Inbox, string IntakeCaller, string? InboxProcessed)
{
    public static DemoSettings FromStackFile(string path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(path))
        {
            if (line.IndexOf('=', StringComparison.Ordinal) is > 0 and var at)
            {
                // KEY='value', a ' inside written as '\'' (shell quoting).
                var quoted = line[(at + 1)..];
                values[line[..at]] = (quoted is ['\'', .. var inner, '\''] ? inner : quoted).Replace("'\\''", "'", StringComparison.Ordinal);
            }
        }

        string Required(string name) => values.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new InvalidOperationException($"{path} has no {name}: is it the launcher's stack.env?");
        string? Optional(string name) => values.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

        return new DemoSettings(
            new Uri(Required("STACK_HOST_URL").TrimEnd('/') + "/"),
            Required("STACK_API_KEY"),
            new[] { Required("STACK_CALLBACK_KEY"), Optional("STACK_CALLBACK_NEXT_KEY") }.OfType<string>().ToArray(),
            Required("STACK_STORAGE"),
            Required("STACK_REQUESTS_QUEUE"),
            Required("STACK_RESULTS_QUEUE"),
            Required("STACK_INBOX"),
            "default",
            Optional("STACK_INBOX_PROCESSED"));
    }
}
