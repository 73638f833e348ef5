using MediaGen.Workflows.Budgets;

namespace MediaGen.Workflows.Tests.Budgets;

/// <summary>The budget ledger on a real Azurite: reservations are atomic across ledgers (as across host processes).</summary>
public sealed class BudgetLedgerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly string _container = "budgets-" + Guid.NewGuid().ToString("N")[..10];
    private readonly ManualTime _time = new(new DateTimeOffset(2026, 12, 5, 23, 0, 0, TimeSpan.Zero));

    /// <summary>A ledger with its own storage client, as another host process would have.</summary>
    private BudgetLedger Ledger(BudgetOptions budgets) =>
        new(new BlobServiceClient(azurite.ConnectionString), Options.Create(new WorkflowOptions { StateContainer = _container }),
            new StaticOptions(budgets), _time);

    [Fact]
    public async Task ReserveAsync_ManyConcurrentJobsOverTwoProcesses_ReservesOnlyWhatFits()
    {
        var budgets = new BudgetOptions { DailyUsd = 1.00m };
        var ledgers = new[] { Ledger(budgets), Ledger(budgets) };

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            ledgers[i % 2].ReserveAsync("partner", $"job-{i}", "usd", 0.04m)));

        Assert.Equal(25, results.Count(r => r is null));
        Assert.All(results.OfType<BudgetRefusal>(), r => Assert.Equal("daily usd", r.Budget));
        var daily = (await ledgers[0].ReportAsync("partner")).Budgets.Single(b => b is { Unit: "usd", Period: "daily" });
        Assert.Equal(1.00m, daily.Reserved);
        Assert.Equal(0m, daily.Remaining);
    }

    [Fact]
    public async Task SettleAsync_ActualBelowTheReservation_FreesTheRestForOtherJobs()
    {
        var ledger = Ledger(new BudgetOptions { DailyTokens = 100_000m });
        Assert.Null(await ledger.ReserveAsync("partner", "job-a", "tokens", 60_000m));
        var refused = await ledger.ReserveAsync("partner", "job-b", "tokens", 50_000m);
        Assert.Equal(new BudgetRefusal("partner", "tokens", "daily", 100_000m, 60_000m, 0m, 50_000m), refused);
        Assert.Equal(40_000m, refused!.Remaining);

        await ledger.SettleAsync("partner", "job-a", "tokens", 32_160m);

        Assert.Null(await ledger.ReserveAsync("partner", "job-b", "tokens", 50_000m));
        var daily = (await ledger.ReportAsync("partner")).Budgets.Single(b => b is { Unit: "tokens", Period: "daily" });
        Assert.Equal((100_000m, 50_000m, 32_160m, 17_840m), (daily.Limit!.Value, daily.Reserved, daily.Spent, daily.Remaining!.Value));
    }

    [Fact]
    public async Task ReserveAndSettle_Repeated_CountOnce()
    {
        var ledger = Ledger(new BudgetOptions { MonthlyUsd = 1m });

        Assert.Null(await ledger.ReserveAsync("partner", "job-a", "usd", 0.5m));
        Assert.Null(await ledger.ReserveAsync("partner", "job-a", "usd", 0.5m));
        await ledger.SettleAsync("partner", "job-a", "usd", 0.3m);
        await ledger.SettleAsync("partner", "job-a", "usd", 0.3m);

        var monthly = (await ledger.ReportAsync("partner")).Budgets.Single(b => b is { Unit: "usd", Period: "monthly" });
        Assert.Equal((0m, 0.3m), (monthly.Reserved, monthly.Spent));
    }

    [Fact]
    public async Task ReserveAsync_UnknownEstimateUnderALimit_IsRefusedNamingTheBudget()
    {
        var refused = await Ledger(new BudgetOptions { DailyUsd = 5m }).ReserveAsync("partner", "job-a", "usd", null);

        Assert.NotNull(refused);
        Assert.Null(refused.Estimate);
        Assert.Contains("unknown", new BudgetExceededException(refused).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReserveAsync_NoLimitForTheUnit_StoresNothing()
    {
        var ledger = Ledger(new BudgetOptions { DailyUsd = 5m });

        Assert.Null(await ledger.ReserveAsync("partner", "job-a", "tokens", 1_000_000m));

        var tokens = (await ledger.ReportAsync("partner")).Budgets.Where(b => b.Unit == "tokens").ToList();
        Assert.All(tokens, b => Assert.Equal((null, 0m, 0m), (b.Limit, b.Reserved, b.Spent)));
    }

    [Fact]
    public async Task ReserveAsync_MonthlyLimitReachedOverSeveralDays_RefusesWithTheMonthlyBudget()
    {
        var ledger = Ledger(new BudgetOptions { DailyUsd = 1m, MonthlyUsd = 1.5m });
        Assert.Null(await ledger.ReserveAsync("partner", "job-a", "usd", 1m));
        await ledger.SettleAsync("partner", "job-a", "usd", 1m);
        Assert.Equal("daily", (await ledger.ReserveAsync("partner", "job-b", "usd", 0.1m))!.Period);

        _time.Now = _time.Now.AddHours(2); // the next UTC day, same month
        var refused = await ledger.ReserveAsync("partner", "job-b", "usd", 0.6m);

        Assert.Equal(new BudgetRefusal("partner", "usd", "monthly", 1.5m, 0m, 1m, 0.6m), refused);
        Assert.Null(await ledger.ReserveAsync("partner", "job-b", "usd", 0.5m));
    }

    [Fact]
    public async Task SettleAsync_AfterTheDayEnded_CountsInItsMonthOnly()
    {
        var ledger = Ledger(new BudgetOptions { DailyUsd = 1m, MonthlyUsd = 10m });
        Assert.Null(await ledger.ReserveAsync("partner", "job-a", "usd", 0.8m));

        _time.Now = _time.Now.AddHours(2);
        await ledger.SettleAsync("partner", "job-a", "usd", 0.5m);

        var report = (await ledger.ReportAsync("partner")).Budgets.Where(b => b.Unit == "usd").ToDictionary(b => b.Period);
        Assert.Equal(("2026-12-06", 0m, 0m), (report["daily"].Current, report["daily"].Reserved, report["daily"].Spent));
        Assert.Equal((0m, 0.5m), (report["monthly"].Reserved, report["monthly"].Spent));
    }

    [Fact]
    public async Task LimitsOf_CallerWithOwnLimits_OverridesTheDefaultsFieldByField()
    {
        var budgets = new BudgetOptions { DailyUsd = 1m, MonthlyUsd = 10m };
        budgets.Callers["partner-a"] = new BudgetLimits { DailyUsd = 5m };

        var limits = Ledger(budgets).LimitsOf("PARTNER-A");

        Assert.Equal((5m, 10m), (limits.DailyUsd!.Value, limits.MonthlyUsd!.Value));
        Assert.Equal(1m, Ledger(budgets).LimitsOf("other").DailyUsd);
    }

    [Fact]
    public async Task ReleaseAbandonedAsync_AbandonedReservations_AreReleasedWithTheirTimeAndOthersStay()
    {
        var ledger = Ledger(new BudgetOptions { DailyUsd = 1m, DailyTokens = 100_000m });
        Assert.Null(await ledger.ReserveAsync("partner", "job-stranded", "usd", 0.4m));
        Assert.Null(await ledger.ReserveAsync("partner", "job-stranded", "tokens", 50_000m));
        var takenAt = _time.GetUtcNow();
        _time.Now += TimeSpan.FromMinutes(1);
        Assert.Null(await ledger.ReserveAsync("partner", "job-live", "usd", 0.5m));
        var asked = new List<(string, DateTimeOffset?)>();

        var released = await ledger.ReleaseAbandonedAsync("partner", (id, at, _) =>
        {
            asked.Add((id, at));
            return Task.FromResult(id == "job-stranded");
        });

        Assert.Equal(2, released);
        Assert.Equal([("job-live", takenAt.AddMinutes(1)), ("job-stranded", takenAt), ("job-stranded", takenAt)], asked.Order());
        var report = (await ledger.ReportAsync("partner")).Budgets;
        Assert.Equal((0.5m, 0m), report.Where(b => b is { Unit: "usd", Period: "daily" }).Select(b => (b.Reserved, b.Spent)).Single());
        Assert.Equal((0m, 0m), report.Where(b => b is { Unit: "tokens", Period: "daily" }).Select(b => (b.Reserved, b.Spent)).Single());
    }

    [Fact]
    public void Validate_NegativeLimitOrBadCallerName_FailsNamingTheSetting()
    {
        var budgets = new BudgetOptions { DailyTokens = -1m };
        budgets.Callers["bad name"] = new BudgetLimits { MonthlyUsd = -2m };

        var result = new BudgetOptionsValidator().Validate(null, budgets);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("Budgets__DailyTokens", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("Budgets__Callers__bad name__MonthlyUsd", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("caller name", StringComparison.Ordinal));
    }

    private sealed class StaticOptions(BudgetOptions value) : IOptionsMonitor<BudgetOptions>
    {
        public BudgetOptions CurrentValue => value;

        public BudgetOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<BudgetOptions, string?> listener) => null;
    }
}
