using MediaGen.Core.Jobs;
using MediaGen.Host.Tests.Support;
using Microsoft.Playwright;

namespace MediaGen.Host.Tests.Dashboard;

/// <summary>
/// The overview (the landing view), the list's thumbnails and the batch and chain timelines in Debian's Chromium, each page
/// audited with axe-core (no serious or critical violation).
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardOverviewBrowserTests(HostEnvironment env)
{
    [Fact]
    public async Task Dashboard_OverviewAfterKey_ChartsWithTablesLinksLiveUpdatesAndNoSeriousAxeViolation()
    {
        await using var host = await env.StartHostAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var done = await host.StartJobAsync($$$"""{"kind":"image","provider":"pixazo","params":{"prompt":"a lighthouse {{{tag}}}"}}""");
        var failed = await host.StartJobAsync($$$"""{"kind":"image","provider":"pixazo","params":{"prompt":"a storm {{{tag}}} [sim:failed]"}}""");
        var waiting = await host.StartJobAsync($$$"""{"kind":"image","provider":"pixazo","params":{"prompt":"a calm sea {{{tag}}} [sim:queued=600000]"}}""");
        Assert.Equal(JobStatus.Completed, (await host.WaitForJobAsync(done.Id)).Status);
        var failure = (await host.WaitForJobAsync(failed.Id)).Error!;
        await host.WaitForJobAsync(waiting.Id, j => j.Progress?.GetProperty("phase").GetString() == "waiting");

        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await (await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } })).NewPageAsync();
        var pageErrors = new List<string>();
        page.PageError += (_, error) => pageErrors.Add(error);
        page.SetDefaultTimeout(30_000);

        // The key page, audited; then the overview is what the key opens.
        await page.GotoAsync(new Uri(host.BaseAddress, "/dashboard/").AbsoluteUri);
        await page.Locator("#key-input").WaitForAsync();
        await AxeAudit.AssertNoSeriousViolationsAsync(page, "key");
        await page.Locator("#key-input").FillAsync(HostEnvironment.ApiKey);
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#overview-summary:text-matches('^3 job')").WaitForAsync();

        // Every chart is drawn by the chart library (served from this origin) and has its table.
        foreach (var id in (string[])["chart-throughput", "chart-durations", "chart-failures", "chart-spend", "chart-inflight"])
        {
            Assert.True(await page.EvaluateAsync<bool>($"() => !!Chart.getChart(document.getElementById('{id}-canvas'))"), $"{id} is not drawn");
            Assert.False(string.IsNullOrWhiteSpace(await page.Locator($"#{id}-canvas").GetAttributeAsync("aria-label")));
            Assert.Equal(1, await page.Locator($"#{id} table").First.CountAsync());
        }

        Assert.Equal(3, await page.EvaluateAsync<int>("() => Chart.getChart(document.getElementById('chart-throughput-canvas')).data.datasets.reduce((a, d) => a + d.data.reduce((x, y) => x + y, 0), 0)"));
        Assert.Equal($"{failure.Type}pixazo1", (await page.Locator("#table-failures tbody tr").InnerTextAsync()).Replace("\t", "", StringComparison.Ordinal).Trim());
        Assert.Contains("waiting for Pixazo", await page.Locator("#table-inflight").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("pixazo image", await page.Locator("#table-durations").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("default", await page.Locator("#table-spend").InnerTextAsync(), StringComparison.Ordinal);
        await AxeAudit.AssertNoSeriousViolationsAsync(page, "overview");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("dashboard-overview.png"), FullPage = true });

        // Live updates like the list: a job started now shows without a reload.
        var later = await host.StartJobAsync($$$"""{"kind":"image","provider":"pixazo","params":{"prompt":"a gull {{{tag}}}"}}""");
        await host.WaitForJobAsync(later.Id);
        await page.Locator("#overview-summary:text-matches('^4 job')").WaitForAsync();

        // A click on the failures bar opens the list filtered to those jobs.
        await page.Locator("#chart-failures-canvas").ScrollIntoViewIfNeededAsync();
        var bar = await page.EvaluateAsync<double[]>("() => { const c = Chart.getChart(document.getElementById('chart-failures-canvas')); const e = c.getDatasetMeta(0).data[0]; return [(e.x + e.base) / 2, e.y]; }");
        var box = (await page.Locator("#chart-failures-canvas").BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(box.X + (float)bar[0], box.Y + (float)bar[1]);
        await page.WaitForFunctionAsync("() => location.hash.startsWith('#/jobs?status=Failed&provider=pixazo')");
        await page.Locator($"#jobs-body tr[data-id='{failed.Id}']").WaitForAsync();
        Assert.Equal(1, await page.Locator("#jobs-body tr[data-id]").CountAsync());

        // The window chooser: the last week, 6-hour intervals.
        await page.Locator("#sections a:text-is('Overview')").ClickAsync();
        await page.Locator("#overview-window").SelectOptionAsync("week");
        await page.WaitForFunctionAsync("() => location.hash === '#/?window=week'");
        await page.Locator("#overview-summary:text-matches('intervals of 360 min')").WaitForAsync();
        Assert.Empty(pageErrors);
    }
}
