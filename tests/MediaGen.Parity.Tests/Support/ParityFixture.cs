using System.Text.Json.Nodes;

namespace MediaGen.Parity.Tests.Support;

/// <summary>
/// The standalone host (in this process, over real HTTP) and the Functions app as shipped under the stand-in Functions host
/// (a process: its real worker, the Durable and Storage extensions) side by side over one Azurite and one provider
/// simulator, configured from the same settings except where two deployments must differ: each has its own task hub, media
/// and state containers, results and request queues, and base address. They share the inbox container, whose name is part
/// of an inbox job's id, so one upload is a job on both. A request is sent to both (<see cref="SendBothAsync"/>), and their
/// answers compared once normalised (<see cref="Normalize"/>). Nothing of the standalone engine serves the Functions side:
/// its Durable client (<see cref="Clients"/>) is a gRPC client of the Durable extension's endpoint.
/// </summary>
public sealed class ParityFixture : StackFixture
{
    /// <summary>The API key both sides require.</summary>
    public const string ApiKey = "parity-api-key-0123456789";

    /// <summary>A second caller both sides know (<c>Api__Keys__parity-a</c>), with a daily token budget (<see cref="PartnerDailyTokens"/>).</summary>
    public const string PartnerA = "parity-a";

    /// <summary>A third caller both sides know (<c>Api__Keys__parity-b</c>), with the same budget.</summary>
    public const string PartnerB = "parity-b";

    /// <summary>A caller of the text stream's budget tests (<c>Api__Keys__parity-stream</c>), with the same budget.</summary>
    public const string PartnerStream = "parity-stream";

    /// <summary><see cref="PartnerStream"/>'s API key.</summary>
    public const string PartnerStreamKey = "parity-partner-stream-key-0123456789";

    /// <summary><see cref="PartnerA"/>'s API key.</summary>
    public const string PartnerAKey = "parity-partner-a-key-0123456789";

    /// <summary><see cref="PartnerB"/>'s API key.</summary>
    public const string PartnerBKey = "parity-partner-b-key-0123456789";

    /// <summary>The daily token budget of <see cref="PartnerA"/> and <see cref="PartnerB"/> (the default caller has none).</summary>
    public const int PartnerDailyTokens = 1_000_000;

    /// <summary>The caller both sides start queue and inbox jobs as (<c>Api__IntakeCaller</c>; it has no key).</summary>
    public const string IntakeCaller = "parity-intake";

    /// <summary>An operator both sides know (<c>Api__Keys__parity-ops</c>, named in <c>Api__AdminCallers</c>).</summary>
    public const string Operator = "parity-ops";

    /// <summary><see cref="Operator"/>'s API key.</summary>
    public const string OperatorKey = "parity-operator-key-0123456789";

    /// <summary>Both sides' request body cap.</summary>
    public const int MaxBodyBytes = 8192;

    /// <summary>The inbox container both sides read.</summary>
    public const string InboxContainer = "parity-inbox";

    private const string WebhookKey = "parity-webhook-key-0123456789";
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private readonly string _callbackKey = ReceivedWebhook.NewSecret();
    private StandaloneApp? _standalone;
    private FunctionsHostApp? _functions;

    /// <summary>The id of the job a queue message (without an idempotency key) starts: <see cref="global::MediaGen.Workflows.JobIds.OfQueueMessage"/>.</summary>
    public static string IntakeId(string messageId) => global::MediaGen.Workflows.JobIds.OfQueueMessage(IntakeCaller, messageId);

    /// <summary>The id of the job an inbox blob starts: the intake caller's prefix + the inbox instance id.</summary>
    public static string InboxId(string instanceId) => global::MediaGen.Workflows.JobOwner.PrefixOf(IntakeCaller) + instanceId;

    /// <summary>The standalone host.</summary>
    internal StandaloneApp Standalone => _standalone ?? throw new InvalidOperationException("Not started.");

    /// <summary>The Functions app under the stand-in host.</summary>
    internal FunctionsHostApp Functions => _functions ?? throw new InvalidOperationException("Not started.");

    private string HubName(string side) => $"Parity{char.ToUpperInvariant(side[0])}{side[1..]}{_run}";

    /// <summary>The standalone host's requests queue.</summary>
    public string StandaloneRequestsQueue => "requests-standalone-" + _run;

    /// <summary>The standalone host's poison queue: its requests queue's, <c>&lt;queue&gt;-poison</c>.</summary>
    public string StandalonePoisonQueue => StandaloneRequestsQueue + "-poison";

    /// <summary>The standalone inbox listener's processed container (its markers: <c>BlobInbox:ProcessedContainerName</c>).</summary>
    public string StandaloneProcessedContainer => "inbox-processed-" + _run;

    /// <summary>The Functions app's requests queue (its <c>RequestQueueName</c>).</summary>
    public string FunctionsRequestsQueue => "requests-functions-" + _run;

    /// <summary>The Functions app's poison queue: its requests queue's, <c>&lt;queue&gt;-poison</c> (the Functions host's too).</summary>
    public string FunctionsPoisonQueue => FunctionsRequestsQueue + "-poison";

    /// <inheritdoc />
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var standalone = StandaloneApp.StartAsync(address => Settings("standalone", address));
        var functions = FunctionsHostApp.StartAsync(address => FunctionsSettings(Settings("functions", address)), FunctionsHostJson);
        _standalone = await standalone;
        _functions = await functions;

        // Both engines create their task hubs in the background: compare the two apps once both are ready.
        await Waits.UntilAsync(
            async () =>
            {
                var (a, b) = await SendBothAsync(ParityRequest.Get("/api/health/ready").WithoutKey());
                return a.Status == 200 && b.Status == 200;
            },
            "both apps to answer /api/health/ready with 200");
    }

    /// <inheritdoc />
    public override async Task DisposeAsync()
    {
        if (_functions is not null)
        {
            await _functions.DisposeAsync();
        }

        if (_standalone is not null)
        {
            await _standalone.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    /// <summary>Sends <paramref name="request"/> over HTTP to the standalone host and, at the same time, to the stand-in host's front door.</summary>
    public async Task<(HttpAnswer Standalone, HttpAnswer Functions)> SendBothAsync(ParityRequest request)
    {
        var standalone = Standalone.SendAsync(request);
        var functions = Functions.SendAsync(request);
        return (await standalone, await functions);
    }

    /// <summary>
    /// Sends <paramref name="request"/> to both sides (<see cref="SendBothAsync"/>) and asserts the standalone host answered
    /// <paramref name="status"/> and the Functions app answered the same, once normalised.
    /// </summary>
    public async Task<(HttpAnswer Standalone, HttpAnswer Functions)> AssertParityAsync(ParityRequest request, int status)
    {
        var (standalone, functions) = await SendBothAsync(request);

        Assert.True(standalone.Status == status, $"{request}: the standalone host answered\n{standalone}");
        var expected = Normalize(standalone, standalone: true).ToString();
        var actual = Normalize(functions, standalone: false).ToString();
        Assert.True(expected == actual, $"{request}: the answers differ.\n--- standalone host:\n{expected}\n--- Functions app:\n{actual}{HostOutputIfFailed(functions)}");
        return (standalone, functions);
    }

    /// <summary>Starts <paramref name="request"/> on both sides (202 each, one id) and returns the standalone host's answer; optionally waits until it has ended on both.</summary>
    public async Task<HttpAnswer> StartedOnBothAsync(ParityRequest request, bool waitForEnd = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (standalone, functions) = await SendBothAsync(request);
        Assert.True(standalone.Status == 202, standalone.ToString());
        Assert.True(functions.Status == 202, functions + HostOutputIfFailed(functions));
        var id = standalone.Json.GetProperty("id").GetString()!;
        Assert.Equal(id, functions.Json.GetProperty("id").GetString());
        if (waitForEnd)
        {
            await WaitForBothAsync(id);
        }

        return standalone;
    }

    /// <summary>Both sides' Durable Task clients: the standalone engine's, and a gRPC client of the Durable extension's endpoint.</summary>
    internal IEnumerable<DurableTaskClient> Clients => [Standalone.Client, Functions.Client];

    /// <summary>Waits until instance <paramref name="id"/> has ended on both sides (a bound, not a timing assertion).</summary>
    public async Task WaitForBothAsync(string id)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ended = await Task.WhenAll(Clients.Select(c => c.WaitForInstanceCompletionAsync(id, false, timeout.Token)));
        Assert.All(ended, e => Assert.True(e.IsCompleted, $"{id} did not end: {e.RuntimeStatus}"));
    }

    /// <summary>The stand-in host's output when <paramref name="functions"/> is a server error (the worker's or the host's failure is there).</summary>
    public string HostOutputIfFailed(HttpAnswer functions) =>
        functions?.Status >= 500 ? "\n--- stand-in host output (last lines):\n" + string.Join('\n', Functions.Output.Split('\n').TakeLast(80)) : "";

    /// <summary>
    /// <paramref name="answer"/> of one side (<paramref name="standalone"/> or the Functions app) with what must differ
    /// between two deployments replaced (<see cref="Substitutions"/>, and what <see cref="ParityJson"/> replaces).
    /// </summary>
    public HttpAnswer Normalize(HttpAnswer answer, bool standalone)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return answer.Normalize(Substitutions(standalone));
    }

    /// <summary>
    /// What differs between the two sides by configuration, with its placeholder: the base address (<c>{base}</c>), the
    /// media and state containers (<c>{media}</c>, <c>{state}</c>) and the results queue (<c>{results}</c>).
    /// </summary>
    public IReadOnlyDictionary<string, string> Substitutions(bool standalone)
    {
        var side = standalone ? "standalone" : "functions";
        return new Dictionary<string, string>
        {
            [(standalone ? Standalone.BaseAddress : Functions.BaseAddress).GetLeftPart(UriPartial.Authority)] = "{base}",
            [$"media-{side}-{_run}"] = "{media}",
            [$"state-{side}-{_run}"] = "{state}",
            [$"results-{side}-{_run}"] = "{results}",
        };
    }

    /// <summary>
    /// The Functions side's own settings on top of the shared ones: both inbox functions run — the polling one finds uploads
    /// itself, the Event Grid one runs when a test delivers Event Grid's BlobCreated event to the host's blob webhook (Azurite
    /// raises none), as a subscription would in Azure. The retention timer's schedule is the sample's (the host refuses a
    /// timer whose schedule setting is missing).
    /// </summary>
    private static Dictionary<string, string?> FunctionsSettings(Dictionary<string, string?> settings)
    {
        settings["AzureWebJobs.BlobInbox.Disabled"] = "false";
        settings["AzureWebJobs.BlobInboxPolling.Disabled"] = "false";
        settings["RetentionPurgeSchedule"] = MediaGen.Launcher.LocalSettingsFile.SampleValues()["RetentionPurgeSchedule"];
        return settings;
    }

    /// <summary>
    /// The repository's host.json with the engine and queue settings both sides are given (<see cref="Settings"/>) where
    /// the Functions host reads them: the Durable extension's partition count and queue polling, the queue trigger's polling.
    /// </summary>
    private void FunctionsHostJson(JsonObject host)
    {
        var settings = Settings("functions", new Uri("http://127.0.0.1/"));
        var extensions = host["extensions"]!.AsObject();
        var storage = extensions["durableTask"]!["storageProvider"]!.AsObject();
        storage["partitionCount"] = int.Parse(settings["DurableTask:PartitionCount"]!, CultureInfo.InvariantCulture);
        storage["maxQueuePollingInterval"] = settings["DurableTask:MaxQueuePollingInterval"];
        extensions["queues"]!["maxPollingInterval"] = settings["RequestQueue:MaxPollingInterval"];
    }

    private Dictionary<string, string?> Settings(string side, Uri baseAddress)
    {
        var sim = Simulator.BaseAddress.ToString();
        return new Dictionary<string, string?>(SimulatorFixture.ProviderSettings(sim))
        {
            ["AzureWebJobsStorage"] = StorageConnectionString,
            ["Api:Key"] = ApiKey,
            [$"Api:Keys:{PartnerA}"] = PartnerAKey,
            [$"Api:Keys:{PartnerB}"] = PartnerBKey,
            [$"Api:Keys:{Operator}"] = OperatorKey,
            ["Api:AdminCallers"] = Operator,
            ["Api:IntakeCaller"] = IntakeCaller,
            [$"Budgets:Callers:{PartnerA}:DailyTokens"] = PartnerDailyTokens.ToString(CultureInfo.InvariantCulture),
            [$"Budgets:Callers:{PartnerB}:DailyTokens"] = PartnerDailyTokens.ToString(CultureInfo.InvariantCulture),
            [$"Api:Keys:{PartnerStream}"] = PartnerStreamKey,
            [$"Budgets:Callers:{PartnerStream}:DailyTokens"] = PartnerDailyTokens.ToString(CultureInfo.InvariantCulture),
            ["Api:MaxRequestBodyBytes"] = MaxBodyBytes.ToString(CultureInfo.InvariantCulture),
            ["Api:RateLimit:PermitLimit"] = "1000000", // tests poll and flood from one key; LimitsTests lower it
            ["Media:DefaultContainer"] = $"media-{side}-{_run}",
            ["Workflows:StateContainer"] = $"state-{side}-{_run}",
            ["Workflows:PublicBaseUrl"] = baseAddress.GetLeftPart(UriPartial.Authority),
            ["Workflows:WebhookSigningKey"] = WebhookKey,
            ["Workflows:PollInitialInterval"] = "00:00:01",
            ["Workflows:PollMaxInterval"] = "00:00:02",
            ["Workflows:ProviderRetryInterval"] = "00:00:01",
            ["Workflows:CopyRetryInterval"] = "00:00:01",
            ["Workflows:ResultsQueue"] = $"results-{side}-{_run}",
            ["Callbacks:SigningKey"] = _callbackKey,
            ["DurableTask:HubName"] = HubName(side),

            // The Functions app's own name for the setting (host.json's %DurableTaskHubName%); its readiness check reads it.
            ["DurableTaskHubName"] = HubName(side),
            ["DurableTask:PartitionCount"] = "1",
            ["DurableTask:MaxQueuePollingInterval"] = "00:00:00.100",
            // The flat trigger settings both hosts read (the Functions triggers' binding expressions name them).
            ["RequestQueueName"] = $"requests-{side}-{_run}",
            ["RequestQueue:MaxPollingInterval"] = "00:00:00.200",
            ["BlobInboxContainerName"] = InboxContainer,
            ["BlobInbox:ProcessedContainerName"] = StandaloneProcessedContainer,
            ["BlobInbox:PollingInterval"] = "00:00:00.200",
        };
    }
}
