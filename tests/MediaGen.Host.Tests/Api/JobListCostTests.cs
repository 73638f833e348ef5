using MediaGen.Core.Jobs;

namespace MediaGen.Host.Tests.Api;

/// <summary>
/// Bounded reads (issue 28.5), counted where they reach Azurite (an Azure SDK pipeline policy on the engine's storage
/// clients): a page of <c>GET /api/jobs</c> is one query of the task hub's Instances table, confined to the caller's id
/// prefix and returning inputs and outputs with the rows — no read per listed instance, and nothing spent on other
/// callers' jobs.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class JobListCostTests(HostEnvironment env)
{
    private const string AliceKey = "alice-list-key-0123456789";
    private const string BobKey = "bob-list-key-0123456789";

    [Fact]
    public async Task ListJobs_EveryPageOfOneCaller_OneInstancesQueryPerPageWhateverOtherCallersHold()
    {
        var counter = new StorageRequestCounter();
        await using var host = await env.StartHostAsync(
            overrides: new Dictionary<string, string?> { ["Api:Keys:alice"] = AliceKey, ["Api:Keys:bob"] = BobKey },
            configureServices: services => services.CountEngineRequests(counter));
        using var alice = host.ClientWithKey(AliceKey);
        using var bob = host.ClientWithKey(BobKey);
        var alices = await StartFinishedAsync(host, alice, 3);
        var bobs = await StartFinishedAsync(host, bob, 6);

        var (alicesPaged, alicesPagedCost) = await ListAsync(counter, alice, pageSize: 2);
        var (alicesAtOnce, alicesAtOnceCost) = await ListAsync(counter, alice, pageSize: 50);
        var (bobsPaged, bobsPagedCost) = await ListAsync(counter, bob, pageSize: 2);

        Assert.Equal(alices.Order(), alicesPaged.SelectMany(p => p).Order());
        Assert.Equal([2, 1], alicesPaged.Select(p => p.Count));
        Assert.Equal(["table GET Instances=2"], alicesPagedCost);
        Assert.Equal(alices.Order(), Assert.Single(alicesAtOnce).Order());
        Assert.Equal(["table GET Instances=1"], alicesAtOnceCost);
        Assert.Equal(bobs.Order(), bobsPaged.SelectMany(p => p).Order());
        Assert.Equal([2, 2, 2], bobsPaged.Select(p => p.Count));
        Assert.Equal(["table GET Instances=3"], bobsPagedCost);
    }

    private static async Task<List<string>> StartFinishedAsync(TestHost host, HttpClient client, int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            using var response = await client.PostAsync(new Uri("/api/jobs", UriKind.Relative),
                new StringContent($$$"""{"kind":"text","provider":"cosmic","params":{"prompt":"listed {{{Guid.NewGuid():N}}}"}}""", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            ids.Add(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!);
        }

        foreach (var id in ids)
        {
            Assert.Equal(JobStatus.Completed, (await host.WaitForJobAsync(id, client: client)).Status);
        }

        return ids;
    }

    /// <summary>
    /// Every page's job ids, and the engine's storage requests made meanwhile by operation — without the worker's own
    /// background traffic, which goes on whether anyone lists or not (queue polls, partition-lease renewals).
    /// </summary>
    private static async Task<(List<List<string>> Pages, List<string> Cost)> ListAsync(StorageRequestCounter counter, HttpClient client, int pageSize)
    {
        counter.Reset();
        var pages = new List<List<string>>();
        string? token = null;
        do
        {
            var query = $"/api/jobs?pageSize={pageSize}" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token));
            var page = JsonSerializer.Deserialize<JobPage>(await client.GetStringAsync(new Uri(query, UriKind.Relative)), JobJson.Options)!;
            pages.Add([.. page.Jobs.Select(j => j.Id)]);
            token = page.ContinuationToken;
        }
        while (token is not null);

        var cost = counter.ByOperation()
            .Where(o => !o.Operation.StartsWith("queue ", StringComparison.Ordinal) && !o.Operation.Contains("Partitions", StringComparison.Ordinal))
            .Select(o => $"{o.Operation}={o.Count}")
            .Order(StringComparer.Ordinal)
            .ToList();
        return (pages, cost);
    }
}
