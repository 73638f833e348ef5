namespace MediaGen.Workflows.Tests.EndToEnd;

/// <summary>
/// Provider failover on the real engine against the simulator's fault injection: every branch that proves nothing was
/// bought moves on to the next provider, every branch after a possible purchase stops, and no job buys twice (the
/// simulator's ledger counts the calls that bought a generation).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class FailoverEndToEndTests(EndToEndFixture fixture)
{
    [Theory]
    [InlineData("402", "insufficient_balance")]
    [InlineData("429=1*10", "rate_limited")]
    [InlineData("500*10", "provider_unavailable")]
    public async Task CosmicImageFailsProvingNothingBought_NextProviderServesAndOnlyItBuys(string fault, string errorType)
    {
        var marker = Guid.NewGuid().ToString("N");
        await fixture.Simulator.AddFaultAsync(fault, SimulatorEndpoints.CosmicImage, count: 10, promptContains: marker);
        var json = $$$"""
            {"kind":"image","provider":"cosmic","params":{"prompt":"A lighthouse {{{marker}}}"},
             "fallbacks":[{"provider":"comet","params":{"prompt":"A lighthouse {{{marker}}}","model":"dall-e-3"}}]}
            """;

        var started = await fixture.Starter.StartJobAsync(Encoding.UTF8.GetBytes(json));
        await fixture.CompleteAsync(started.Id);

        var job = await fixture.Reader.GetJobAsync(started.Id, JobAccess.Everything);
        Assert.Equal(JobStatus.Completed, job!.Status);
        Assert.Equal(
            [new ProviderAttempt(ProviderName.Cosmic, "skipped", errorType), new ProviderAttempt(ProviderName.Comet, "served")],
            job.Providers!.Select(p => p with { Reason = null }));
        Assert.Equal(new JobCost("usd", 0.04m, 0.04m, "price_table"), job.Cost);
        await StoredBlobs.AssertMatchesAsync(fixture.Blobs, Assert.Single(job.Result!.Items));
        Assert.Equal(1, await PurchasesAsync(marker));
    }

    [Fact]
    public async Task PixazoErrorOnEverySubmission_NotChargedSoCosmicServes()
    {
        var marker = Guid.NewGuid().ToString("N");
        var json = $$$"""
            {"kind":"image","provider":"pixazo","params":{"prompt":"[sim:error*5] A comet {{{marker}}}"},
             "fallbacks":[{"provider":"cosmic","params":{"prompt":"A comet {{{marker}}}"}}]}
            """;

        var started = await fixture.Starter.StartJobAsync(Encoding.UTF8.GetBytes(json));
        var done = await fixture.CompleteAsync(started.Id);

        var outcome = done.ReadOutputAs<JobOutcome>()!;
        Assert.Equal(JobStatus.Completed, outcome.Status);
        Assert.Equal(("system_error", "served"), (outcome.Providers![0].ErrorType, outcome.Providers[1].Outcome));
        Assert.Equal("tokens", outcome.Cost!.Unit);
        var ledger = await fixture.Simulator.GetRequestsAsync();
        Assert.Equal(1, ledger.AcceptedOf(SimulatorEndpoints.CosmicImage, $"A comet {marker}"));
    }

    [Fact]
    public async Task PixazoFailed_MayHaveBoughtSoTheFallbackIsNeverCalled()
    {
        var marker = Guid.NewGuid().ToString("N");
        var json = $$$"""
            {"kind":"image","provider":"pixazo","params":{"prompt":"[sim:failed] A nebula {{{marker}}}"},
             "fallbacks":[{"provider":"cosmic","params":{"prompt":"A nebula {{{marker}}}"}}]}
            """;

        var started = await fixture.Starter.StartJobAsync(Encoding.UTF8.GetBytes(json));
        var done = await fixture.CompleteAsync(started.Id);

        var outcome = done.ReadOutputAs<JobOutcome>()!;
        Assert.Equal((JobStatus.Failed, "generation_failed"), (outcome.Status, outcome.Error!.Type));
        Assert.Equal([new ProviderAttempt(ProviderName.Pixazo, "failed", "generation_failed")], outcome.Providers!.Select(p => p with { Reason = null }));
        Assert.Equal(0, (await fixture.Simulator.GetRequestsAsync()).CountOf(SimulatorEndpoints.CosmicImage, $"A nebula {marker}"));
    }

    [Theory]
    [InlineData("abort")]
    [InlineData("500")]
    public async Task ExpensiveVideoCallMayHaveBought_FallbackIsNeverCalled(string fault)
    {
        var marker = Guid.NewGuid().ToString("N");
        await fixture.Simulator.AddFaultAsync(fault, SimulatorEndpoints.CosmicVideo, count: 10, promptContains: marker);
        var json = $$$"""
            {"kind":"video","provider":"cosmic","params":{"prompt":"A kitten {{{marker}}}","duration":4},
             "fallbacks":[{"provider":"pixazo","params":{"prompt":"A kitten moves {{{marker}}}","image_url":"https://example.com/kitten.png"}}]}
            """;

        var started = await fixture.Starter.StartJobAsync(Encoding.UTF8.GetBytes(json));
        var done = await fixture.CompleteAsync(started.Id);

        var outcome = done.ReadOutputAs<JobOutcome>()!;
        Assert.Equal(JobStatus.Failed, outcome.Status);
        Assert.Equal("failed", Assert.Single(outcome.Providers!).Outcome);
        Assert.False(outcome.NothingBought);
        var ledger = await fixture.Simulator.GetRequestsAsync();
        Assert.Equal(1, ledger.CountOf(SimulatorEndpoints.CosmicVideo, $"A kitten {marker}"));
        Assert.Equal(0, ledger.CountOf(SimulatorEndpoints.PixazoImageToVideo, $"A kitten moves {marker}"));
    }

    [Fact]
    public async Task EveryProviderOutOfBalance_FailsWithEveryAttemptRecordedAndNothingBought()
    {
        var marker = Guid.NewGuid().ToString("N");
        await fixture.Simulator.AddFaultAsync("402", SimulatorEndpoints.CosmicImage, count: 1, promptContains: marker);
        await fixture.Simulator.AddFaultAsync("402", SimulatorEndpoints.PixazoTextToImage, count: 1, promptContains: marker);
        var json = $$$"""{"kind":"image","provider":"cosmic","params":{"prompt":"A moon {{{marker}}}"},"fallbacks":[{"provider":"pixazo"}]}""";

        var started = await fixture.Starter.StartJobAsync(Encoding.UTF8.GetBytes(json));
        var done = await fixture.CompleteAsync(started.Id);

        var outcome = done.ReadOutputAs<JobOutcome>()!;
        Assert.Equal((JobStatus.Failed, "insufficient_balance", 0m), (outcome.Status, outcome.Error!.Type, outcome.Spent!.Value));
        Assert.Equal(["skipped", "failed"], outcome.Providers!.Select(p => p.Outcome));
        Assert.Equal(0, await PurchasesAsync(marker));
    }

    [Fact]
    public async Task ImageFallbackWithoutParams_MapsPromptAndShapeOntoTheProvider()
    {
        var marker = Guid.NewGuid().ToString("N");
        await fixture.Simulator.AddFaultAsync("402", SimulatorEndpoints.CosmicImage, count: 1, promptContains: marker);
        var json = $$$"""{"kind":"image","provider":"cosmic","params":{"prompt":"A wide bay {{{marker}}}","aspect_ratio":"16:9"},"fallbacks":[{"provider":"pixazo"}]}""";

        var started = await fixture.Starter.StartJobAsync(Encoding.UTF8.GetBytes(json));
        await fixture.CompleteAsync(started.Id);

        var job = await fixture.Reader.GetJobAsync(started.Id, JobAccess.Everything);
        Assert.Equal(JobStatus.Completed, job!.Status);
        Assert.Equal("served", job.Providers![1].Outcome);
        var ledger = await fixture.Simulator.GetRequestsAsync();
        Assert.Equal(1, ledger.AcceptedOf(SimulatorEndpoints.PixazoTextToImage, $"A wide bay {marker}"));
    }

    [Fact]
    public async Task Cancel_WhileTheFallbackRuns_PassedOnAndNothingElseTried()
    {
        var marker = Guid.NewGuid().ToString("N");
        await fixture.Simulator.AddFaultAsync("402", SimulatorEndpoints.CosmicImage, count: 1, promptContains: marker);
        var json = $$$"""
            {"kind":"image","provider":"cosmic","params":{"prompt":"A slow {{{marker}}}"},
             "fallbacks":[{"provider":"pixazo","params":{"prompt":"[sim:queued=600000] A slow {{{marker}}}"}},{"provider":"comet","params":{"prompt":"A slow {{{marker}}}"}}]}
            """;
        var started = await fixture.Starter.StartJobAsync(Encoding.UTF8.GetBytes(json));
        await fixture.WaitForAsync(started.Id, j => j.Progress?.TryGetProperty("providerStatus", out var p) == true && p.GetString() == "pixazo");

        Assert.Equal(JobCancelResult.CancelRequested, await fixture.Commands.CancelJobAsync(started.Id, JobAccess.Everything, "enough"));
        var done = await fixture.CompleteAsync(started.Id);

        var outcome = done.ReadOutputAs<JobOutcome>()!;
        Assert.Equal(JobStatus.Canceled, outcome.Status);
        Assert.Equal(0, (await fixture.Simulator.GetRequestsAsync()).CountOf(SimulatorEndpoints.CometImages, $"A slow {marker}"));
    }

    [Fact]
    public async Task Budget_CosmicOutOfBalancePixazoServes_ReservesEveryUnitAndChargesOnlyTheServingOne()
    {
        var marker = Guid.NewGuid().ToString("N");
        await fixture.Simulator.AddFaultAsync("402", SimulatorEndpoints.CosmicImage, count: 1, promptContains: marker);
        var json = $$$"""{"kind":"image","provider":"cosmic","params":{"prompt":"A budget {{{marker}}}"},"fallbacks":[{"provider":"pixazo","params":{"prompt":"A budget {{{marker}}}","num_images":3}},{"provider":"pixazo"}]}""";

        var started = await fixture.Starter.StartJobAsync(Encoding.UTF8.GetBytes(json), caller: "e2e-failover");
        var running = (await fixture.Budgets.ReportAsync("e2e-failover")).Budgets.Where(b => b.Period == "daily").ToDictionary(b => b.Unit);
        await fixture.CompleteAsync(started.Id);

        // While it ran: the Cosmic estimate in tokens and the larger Pixazo estimate (3 images, not 3 + 1) in dollars.
        Assert.True(running["tokens"].Reserved is 32_160m or 0m && running["usd"].Reserved is 0.12m or 0m, $"{running["tokens"].Reserved} / {running["usd"].Reserved}");
        var after = (await fixture.Budgets.ReportAsync("e2e-failover")).Budgets.Where(b => b.Period == "daily").ToDictionary(b => b.Unit);
        Assert.Equal((0m, 0m), (after["tokens"].Reserved, after["tokens"].Spent));
        Assert.Equal((0m, 0.12m), (after["usd"].Reserved, after["usd"].Spent));
        Assert.Equal(new JobCost("usd", 0.12m, 0.12m, "price_table"), (await fixture.Reader.GetJobAsync(started.Id, JobAccess.Everything))!.Cost);
    }

    [Fact]
    public async Task Budget_FallbackEstimateDoesNotFit_RefusedBeforeAnyProviderCall()
    {
        var marker = Guid.NewGuid().ToString("N");
        var json = $$$"""{"kind":"image","provider":"pixazo","params":{"prompt":"A refused {{{marker}}}"},"fallbacks":[{"provider":"cosmic","params":{"prompt":"A refused {{{marker}}}","size":"4096x4096"}}]}""";

        var refused = await Assert.ThrowsAsync<MediaGen.Workflows.Budgets.BudgetExceededException>(() => fixture.Starter.StartJobAsync(Encoding.UTF8.GetBytes(json), caller: "e2e-failover"));

        Assert.Equal(("daily tokens", 57_600m), (refused.Refusal.Budget, refused.Refusal.Estimate!.Value));
        Assert.Equal(0, await PurchasesAsync(marker) + (await fixture.Simulator.GetRequestsAsync()).Requests.Count(r => r.Prompt?.Contains(marker, StringComparison.Ordinal) == true));
    }

    /// <summary>Calls, for any provider, that bought a generation for a prompt holding <paramref name="marker"/>.</summary>
    private async Task<int> PurchasesAsync(string marker) =>
        (await fixture.Simulator.GetRequestsAsync()).Requests.Count(r => r.Accepted && r.Prompt?.Contains(marker, StringComparison.Ordinal) == true);
}
