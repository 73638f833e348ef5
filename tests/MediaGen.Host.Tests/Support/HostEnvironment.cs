namespace MediaGen.Host.Tests.Support;

/// <summary>
/// One private Azurite and one provider simulator for the whole collection (<see cref="StackFixture"/>); each test starts its own
/// <see cref="TestHost"/> (real Kestrel on loopback) with its own task hub, queues and containers.
/// </summary>
public sealed class HostEnvironment : StackFixture
{
    public const string ApiKey = "test-api-key-0123456789";
    public const string WebhookKey = "test-webhook-key-0123456789";
    public static readonly string CallbackKey = ReceivedWebhook.NewSecret();
    public const int MaxBodyBytes = 8192;

    public string StorageConnection => StorageConnectionString;

    /// <summary>Starts a host on <paramref name="names"/> (new ones by default); <paramref name="overrides"/> adjust settings (null removes one).</summary>
    public async Task<TestHost> StartHostAsync(
        HostNames? names = null, IReadOnlyDictionary<string, string?>? overrides = null, Action<IServiceCollection>? configureServices = null)
    {
        // A host on a hub of its own stops at once (no one takes its partitions over); one whose names a test passes may be
        // followed by another on the same hub (a restart), so it stops gracefully, as a deployed host does.
        var gracefulStop = names is not null;
        names ??= HostNames.Unique();
        for (var attempt = 1; ; attempt++)
        {
            var port = LoopbackPort.Free();
            var host = new TestHost(Settings(names, port, gracefulStop, overrides), port, names, configureServices);
            try
            {
                await host.StartAsync();
                return host;
            }
            catch (Exception ex)
            {
                try
                {
                    await host.DisposeAsync();
                }
                catch (ObjectDisposedException)
                {
                    // A host that failed to start may have torn itself down already; the start's failure is the one to report.
                }

                // Another process took the free port between the probe and Kestrel's bind: try another.
                if (ex is not IOException || attempt >= 5)
                {
                    throw;
                }
            }
        }
    }

    /// <summary>
    /// The exception a host with these settings fails to start with (for tests of a refused setting); fails when it starts.
    /// On a loaded machine WebApplicationFactory sometimes reports an <see cref="ObjectDisposedException"/> instead of the
    /// start's own exception (the app disposes its host as the start fails while the factory still reads its services);
    /// such a start is tried again, at most three times in all, so the refusal itself is what the test sees.
    /// </summary>
    public async Task<Exception> StartFailureAsync(HostNames? names = null, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            TestHost host;
            try
            {
                host = await StartHostAsync(names, overrides);
            }
            catch (ObjectDisposedException) when (attempt < 3)
            {
                continue;
            }
            catch (Exception ex)
            {
                return ex;
            }

            await host.DisposeAsync();
            throw new Xunit.Sdk.XunitException("The host started; it was expected to refuse its settings.");
        }
    }

    private Dictionary<string, string?> Settings(HostNames names, int port, bool gracefulStop, IReadOnlyDictionary<string, string?>? overrides)
    {
        var sim = Simulator.BaseAddress.ToString();
        var settings = new Dictionary<string, string?>(SimulatorFixture.ProviderSettings(sim))
        {
            ["AzureWebJobsStorage"] = StorageConnection,
            ["Api:Key"] = ApiKey,
            ["Api:MaxRequestBodyBytes"] = MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Api:RateLimit:PermitLimit"] = "1000000", // tests poll and flood from one key; LimitsTests lower it
            ["Workflows:PublicBaseUrl"] = $"http://127.0.0.1:{port}",
            ["Workflows:WebhookSigningKey"] = WebhookKey,
            ["Workflows:PollInitialInterval"] = "00:00:01",
            ["Workflows:PollMaxInterval"] = "00:00:02",
            ["Workflows:ProviderRetryInterval"] = "00:00:01",
            ["Workflows:CopyRetryInterval"] = "00:00:01",
            ["Workflows:ResultsQueue"] = names.Results,
            ["Callbacks:SigningKey"] = CallbackKey,
            ["Callbacks:FirstRetryInterval"] = "00:00:01",
            ["Callbacks:MaxRetryInterval"] = "00:00:02",
            ["DurableTask:HubName"] = names.Hub,
            ["DurableTask:PartitionCount"] = "2",
            ["DurableTask:MaxQueuePollingInterval"] = "00:00:00.100",
            ["DurableTask:GracefulStop"] = gracefulStop ? "true" : "false",
            ["RequestQueueName"] = names.Requests,
            ["RequestQueue:MaxDequeueCount"] = "3",
            ["RequestQueue:VisibilityTimeout"] = "00:00:05",
            ["RequestQueue:MaxPollingInterval"] = "00:00:00.200",
            ["RequestQueue:FirstRetryDelay"] = "00:00:00",
            ["BlobInboxContainerName"] = names.Inbox,
            ["BlobInbox:ProcessedContainerName"] = names.Processed,
            ["BlobInbox:PollingInterval"] = "00:00:00.200",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }
}
