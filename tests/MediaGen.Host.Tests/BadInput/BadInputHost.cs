using MediaGen.Api.Jobs;
using Microsoft.DurableTask.Client;

namespace MediaGen.Host.Tests.BadInput;

/// <summary>
/// One Azurite, simulator and standalone host for all the bad-input properties (started once: the cases are many and
/// each is cheap), and one finished Pixazo job whose webhook URL the webhook cases aim at.
/// </summary>
public sealed class BadInputHost : IAsyncLifetime
{
    /// <summary>The host's body cap (<c>Api__MaxRequestBodyBytes</c>): room for long values, small enough to cross quickly.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>The seed of every random choice; set <c>MEDIAGEN_BADINPUT_SEED</c> to replay another run.</summary>
    public static int Seed { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("MEDIAGEN_BADINPUT_SEED"), out var seed) ? seed : 20261201;

    private readonly HostEnvironment _environment = new();

    public TestHost Host { get; private set; } = null!;

    /// <summary>A Pixazo job (finished), with its webhook URL (right secret) and Pixazo request id.</summary>
    public JobAccepted PixazoJob { get; private set; } = null!;

    public string PixazoRequestId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await _environment.InitializeAsync();
        Host = await _environment.StartHostAsync(overrides: new Dictionary<string, string?>
        {
            ["Api:MaxRequestBodyBytes"] = MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RequestQueue:BatchSize"] = "32",
            ["BlobInbox:PollingInterval"] = "00:00:00.100",
            ["Logging:LogLevel:MediaGen.Host.Listeners"] = "Error", // thousands of "poisoned" warnings, all expected
        });
        PixazoJob = await Host.StartJobAsync("""{"kind":"image","provider":"pixazo","params":{"prompt":"bad input webhook target"}}""");
        var job = await Host.WaitForJobAsync(PixazoJob.Id);
        PixazoRequestId = job.Progress!.Value.GetProperty("requestId").GetString()!;
    }

    /// <summary>Orchestration instances in the host's task hub (jobs, batches, chains and their items).</summary>
    public async Task<int> CountInstancesAsync()
    {
        var client = Host.Services.GetRequiredService<DurableTaskClient>();
        var count = 0;
        await foreach (var _ in client.GetAllInstancesAsync(new OrchestrationQuery(PageSize: 1000)))
        {
            count++;
        }

        return count;
    }

    /// <summary>Requests the provider simulator has received.</summary>
    public async Task<long> ProviderRequestsAsync() => (await _environment.Simulator.GetRequestsAsync()).Total;

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        await _environment.DisposeAsync();
    }
}
