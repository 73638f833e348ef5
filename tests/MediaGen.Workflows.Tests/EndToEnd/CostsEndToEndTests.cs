using MediaGen.Workflows.Budgets;

namespace MediaGen.Workflows.Tests.EndToEnd;

/// <summary>
/// What jobs cost, shown in status, outcome, results-queue message, callback and batch totals; and budgets that refuse a
/// job before anything is bought, settle it to what it spent, and release it when it bought nothing — on the real engine,
/// Azurite and the provider simulator.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class CostsEndToEndTests(EndToEndFixture fixture)
{
    private BudgetLedger Ledger => fixture.Services.GetRequiredService<BudgetLedger>();

    [Theory]
    [InlineData("image", "cosmic", """{"prompt":"A lighthouse {0}"}""", "tokens", 32_160.0, 32_160.0, "price_table")]
    [InlineData("video", "cosmic", """{"prompt":"A kitten plays {0}","duration":4}""", "tokens", 144_000.0, 144_000.0, "usage")]
    [InlineData("audio", "cosmic", """{"prompt":"Hello there {0}","model":"tts-1-hd"}""", "tokens", 7_200.0, null, "usage")]
    [InlineData("image", "pixazo", """{"prompt":"An observatory {0}","num_images":2,"enable_prompt_expansion":true}""", "usd", 0.10, 0.10, "price_table")]
    [InlineData("image", "comet", """{"prompt":"A paper boat {0}","model":"dall-e-3","response_format":"url"}""", "usd", 0.04, 0.04, "price_table")]
    public async Task StartJob_PricedJob_StatusShowsTheEstimateAndTheActualCost(
        string kind, string provider, string parameters, string unit, double estimate, double? actual, string source)
    {
        var json = $$"""{"kind":"{{kind}}","provider":"{{provider}}","params":{{parameters.Replace("{0}", Guid.NewGuid().ToString("N"), StringComparison.Ordinal)}}}""";
        var started = await fixture.Starter.StartJobAsync(Encoding.UTF8.GetBytes(json));

        var running = await fixture.Reader.GetJobAsync(started.Id, JobAccess.Everything);
        Assert.Equal((unit, (decimal)estimate), (running!.Cost!.Unit, running.Cost.Estimate!.Value));
        await fixture.CompleteAsync(started.Id);

        var job = await fixture.Reader.GetJobAsync(started.Id, JobAccess.Everything);
        Assert.Equal(JobStatus.Completed, job!.Status);
        Assert.Equal((unit, (decimal)estimate, source), (job.Cost!.Unit, job.Cost.Estimate!.Value, job.Cost.Source));
        if (actual is { } known)
        {
            Assert.Equal((decimal)known, job.Cost.Actual);
        }
        else
        {
            // The simulator's TTS usage reports input tokens besides the output cost: the actual is what it reported.
            Assert.True(job.Cost.Actual >= (decimal)estimate, $"actual {job.Cost.Actual} from usage");
        }
    }

    [Fact]
    public async Task StartJob_CometModelWithoutAPrice_CostIsUnknownNotInvented()
    {
        var started = await fixture.Starter.StartJobAsync(Requests.Job(JobKind.Image, Core.Providers.ProviderName.Comet,
            $$"""{"prompt":"A kite {{Guid.NewGuid():N}}","model":"gpt-image-1","response_format":"b64_json"}"""));
        await fixture.CompleteAsync(started.Id);

        var job = await fixture.Reader.GetJobAsync(started.Id, JobAccess.Everything);

        Assert.Equal(JobStatus.Completed, job!.Status);
        Assert.Equal(new JobCost("usd", null), job.Cost);
        var status = JsonSerializer.SerializeToElement(job, JobJson.Options).GetProperty("cost");
        Assert.False(status.TryGetProperty("estimate", out _), "an unknown estimate is absent, not 0");
    }

    [Fact]
    public async Task StartJob_WithCallback_ResultsMessageAndCallbackCarryTheCost()
    {
        var path = $"callbacks/{Guid.NewGuid():N}";
        var started = await fixture.Starter.StartJobAsync(Requests.CosmicImage($"A costed mug {Guid.NewGuid():N}", callbackUrl: new Uri(fixture.GatewayAddress, path).ToString()));

        await fixture.CompleteAsync(started.Id);

        var callback = fixture.Callbacks.Last(c => c.Path == "/" + path);
        var body = JsonDocument.Parse(callback.Webhook.Body).RootElement;
        Assert.Equal(32_160m, body.GetProperty("cost").GetProperty("actual").GetDecimal());
        Assert.Equal("tokens", body.GetProperty("cost").GetProperty("unit").GetString());
        var queued = await QueuedNotificationAsync(started.Id);
        Assert.Equal(32_160m, queued.GetProperty("cost").GetProperty("estimate").GetDecimal());
    }

    [Fact]
    public async Task StartJob_OverTheDailyBudget_RefusedBeforeAnyProviderCall()
    {
        var first = await fixture.Starter.StartJobAsync(Requests.PixazoImage($"A first star {Guid.NewGuid():N}"), caller: "e2e-tight");
        var prompt = $"A second star {Guid.NewGuid():N}";
        var key = Guid.NewGuid().ToString("N");

        var refused = await Assert.ThrowsAsync<BudgetExceededException>(() =>
            fixture.Starter.StartJobAsync(Requests.Job(JobKind.Image, Core.Providers.ProviderName.Pixazo, JsonSerializer.Serialize(new { prompt }), idempotencyKey: key), caller: "e2e-tight"));

        Assert.Equal(("daily usd", 0.04m, 0.05m, 0.01m), (refused.Refusal.Budget, refused.Refusal.Estimate!.Value, refused.Refusal.Limit, refused.Refusal.Remaining));
        await fixture.CompleteAsync(first.Id);
        Assert.Equal(0, (await fixture.Simulator.GetRequestsAsync()).CountOf(SimulatorEndpoints.PixazoTextToImage, prompt));
        var report = await fixture.Budgets.ReportAsync("e2e-tight");
        var daily = report.Budgets.Single(b => b is { Unit: "usd", Period: "daily" });
        Assert.Equal((0m, 0.04m), (daily.Reserved, daily.Spent));
    }

    [Fact]
    public async Task StartJob_BudgetHeldByATerminatedOrchestration_ReleasesItAndStarts()
    {
        // Pixazo holds the first job QUEUED for ten minutes; an operator terminates its orchestration from outside the job,
        // so its own end, which would settle the reservation, never runs.
        var first = await fixture.Starter.StartJobAsync(Requests.PixazoImage($"[sim:queued=600000] A stranded star {Guid.NewGuid():N}"), caller: "e2e-abandon");
        await fixture.Client.TerminateInstanceAsync(first.Id, "operator stopped it");
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, (await fixture.CompleteAsync(first.Id)).RuntimeStatus);
        var stranded = (await fixture.Budgets.ReportAsync("e2e-abandon")).Budgets.Single(b => b is { Unit: "usd", Period: "daily" });

        var second = await fixture.Starter.StartJobAsync(Requests.PixazoImage($"A second star {Guid.NewGuid():N}"), caller: "e2e-abandon");

        Assert.Equal((0.04m, 0m), (stranded.Reserved, stranded.Spent)); // the stranded reservation, before the second start
        await fixture.CompleteAsync(second.Id);
        var daily = (await fixture.Budgets.ReportAsync("e2e-abandon")).Budgets.Single(b => b is { Unit: "usd", Period: "daily" });
        Assert.Equal((0m, 0.04m), (daily.Reserved, daily.Spent));
    }

    [Fact]
    public async Task StartJob_ProviderRefusesBeforeBuying_ReservationIsReleased()
    {
        var started = await fixture.Starter.StartJobAsync(Requests.CosmicImage($"[sim:402] A broke mug {Guid.NewGuid():N}"), caller: "e2e-release");
        var reserved = (await fixture.Budgets.ReportAsync("e2e-release")).Budgets.Single(b => b is { Unit: "tokens", Period: "daily" });

        var done = await fixture.CompleteAsync(started.Id);

        var outcome = done.ReadOutputAs<JobOutcome>()!;
        Assert.Equal(("insufficient_balance", 0m), (outcome.Error!.Type, outcome.Spent!.Value));
        Assert.Null(outcome.Cost!.Actual);
        var daily = (await fixture.Budgets.ReportAsync("e2e-release")).Budgets.Single(b => b is { Unit: "tokens", Period: "daily" });
        Assert.True(reserved.Reserved is 0m or 32_160m, "the reservation was the estimate while it ran (or already released)");
        Assert.Equal((0m, 0m), (daily.Reserved, daily.Spent));
    }

    [Fact]
    public async Task StartJob_PixazoFailedAfterSubmission_ChargesTheEstimate()
    {
        var started = await fixture.Starter.StartJobAsync(Requests.PixazoImage($"[sim:failed] A doomed comet {Guid.NewGuid():N}"), caller: "e2e-release");

        var done = await fixture.CompleteAsync(started.Id);

        var outcome = done.ReadOutputAs<JobOutcome>()!;
        Assert.Equal(("generation_failed", 0.04m), (outcome.Error!.Type, outcome.Spent!.Value));
        var daily = (await fixture.Budgets.ReportAsync("e2e-release")).Budgets.Single(b => b is { Unit: "usd", Period: "daily" });
        Assert.Equal(0m, daily.Reserved);
        Assert.True(daily.Spent >= 0.04m, $"spent {daily.Spent}");
    }

    [Fact]
    public async Task StartBatch_MixedUnits_TotalsPerUnitInStateAndNotificationAndBudgetSettled()
    {
        var json = $$$"""
            {"items":[
              {"kind":"image","provider":"cosmic","params":{"prompt":"A mug {{{Guid.NewGuid():N}}}"}},
              {"kind":"image","provider":"pixazo","params":{"prompt":"An observatory {{{Guid.NewGuid():N}}}","num_images":3}},
              {"kind":"image","provider":"pixazo","params":{"prompt":"[sim:400] A refused one {{{Guid.NewGuid():N}}}"}}
            ]}
            """;

        var started = await fixture.Starter.StartBatchAsync(Encoding.UTF8.GetBytes(json), caller: "e2e-batch");
        var monthly = (await fixture.Budgets.ReportAsync("e2e-batch")).Budgets.Single(b => b is { Unit: "usd", Period: "monthly" });
        Assert.True(monthly.Reserved is 0.16m || monthly.Spent > 0m, $"the batch reserved both Pixazo estimates ({monthly.Reserved})");
        await fixture.CompleteAsync(started.Id);

        var batch = await fixture.Reader.GetBatchAsync(started.Id, JobAccess.Everything);
        Assert.Equal(
            [new CostTotal("tokens", 32_160m, 32_160m, 1, 0), new CostTotal("usd", 0.16m, 0.12m, 2, 0)],
            batch!.CostTotals);
        Assert.Equal(0.12m, batch.Items[1].Cost!.Actual);
        var queued = await QueuedNotificationAsync(started.Id);
        Assert.Equal(2, queued.GetProperty("costTotals").GetArrayLength());
        var usd = (await fixture.Budgets.ReportAsync("e2e-batch")).Budgets.Single(b => b is { Unit: "usd", Period: "monthly" });
        Assert.Equal((0m, 0.12m), (usd.Reserved, usd.Spent));
    }

    [Fact]
    public async Task StartChain_InitialAndTwoExtensions_EstimatesEveryStepAndSpendsWhatUsageSays()
    {
        var json = $$"""{"initial":{"prompt":"A kitten sits {{Guid.NewGuid():N}}","duration":4},"prompts":["It jumps","It lands"]}""";

        var started = await fixture.Starter.StartChainAsync(Encoding.UTF8.GetBytes(json), caller: "e2e-chain");
        await fixture.CompleteAsync(started.Id);

        var chain = await fixture.Reader.GetJobAsync(started.Id, JobAccess.Everything);
        Assert.Equal(new JobCost("tokens", 720_000m, 720_000m, "usage"), chain!.Cost);
        var daily = (await fixture.Budgets.ReportAsync("e2e-chain")).Budgets.Single(b => b is { Unit: "tokens", Period: "daily" });
        Assert.Equal((0m, 720_000m), (daily.Reserved, daily.Spent));
    }

    private async Task<JsonElement> QueuedNotificationAsync(string id)
    {
        var queue = fixture.Queues.GetQueueClient(fixture.Workflows.ResultsQueue);
        for (var round = 0; round < 50; round++)
        {
            var messages = (await queue.ReceiveMessagesAsync(32)).Value;
            foreach (var message in messages)
            {
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                var body = JsonDocument.Parse(message.Body.ToString()).RootElement;
                if (body.GetProperty("id").GetString() == id)
                {
                    return body;
                }
            }
        }

        throw new Xunit.Sdk.XunitException($"no results-queue message for {id}");
    }
}
