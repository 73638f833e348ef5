using MediaGen.Core.Jobs;
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
        var (page, pageErrors) = await OpenAsync(browser, host, _ => { });

        // The key page, audited; then the overview is what the key opens.
        await AxeAudit.AssertNoSeriousViolationsAsync(page, "key");
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

    [Fact]
    public async Task Dashboard_ThumbnailsAndBatchAndChainTimelines_RenderAndPassTheAxeAudit()
    {
        await using var host = await env.StartHostAsync();
        var items = string.Join(",", Enumerable.Range(0, 11).Select(i => $$$"""{"kind":"image","provider":"cosmic","params":{"prompt":"tile {{{i}}}"}}"""));
        var batch = await host.StartJobAsync($$$"""{"items":[{{{items}}},{"kind":"image","provider":"pixazo","params":{"prompt":"broken tile [sim:failed]"}}]}""", "/api/batches");
        var chain = await host.StartJobAsync("""{"initial":{"prompt":"a kite"},"prompts":["higher"]}""", "/api/chains");
        var image = await host.StartJobAsync("""{"kind":"image","provider":"cosmic","params":{"prompt":"a thumbnail fox"}}""");
        var audio = await host.StartJobAsync("""{"kind":"audio","provider":"cosmic","params":{"prompt":"a thumbnail song"}}""");
        foreach (var id in (string[])[chain.Id, image.Id, audio.Id])
        {
            Assert.Equal(JobStatus.Completed, (await host.WaitForJobAsync(id)).Status);
        }

        await MediaGen.Testing.Waits.ForAsync(async () =>
        {
            using var document = System.Text.Json.JsonDocument.Parse(await host.Api.GetStringAsync(new Uri($"/api/batches/{batch.Id}", UriKind.Relative)));
            return document.RootElement.GetProperty("status").GetString() == "Completed" ? "" : null;
        }, "the batch to finish");

        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var previewCalls = new List<string>();
        var (page, pageErrors) = await OpenAsync(browser, host, p => p.Request += (_, request) =>
        {
            if (request.Url.Contains("/previews", StringComparison.Ordinal))
            {
                previewCalls.Add(request.Url);
            }
        });
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#overview-summary").WaitForAsync();

        // The list: the image's thumbnail loads lazily through its SAS link; audio gets an icon and no link at all.
        await page.Locator("#sections a:text-is('Jobs')").ClickAsync();
        var thumb = page.Locator($"#jobs-body tr[data-id='{image.Id}'] img.thumb-img");
        var row = page.Locator($"#jobs-body tr[data-id='{image.Id}']");
        await row.WaitForAsync();
        if (await row.EvaluateAsync<bool>("r => r.getBoundingClientRect().top > innerHeight + 400"))
        {
            // Far below the view: no link was asked for it yet.
            Assert.DoesNotContain(previewCalls, url => url.Contains(image.Id, StringComparison.Ordinal));
        }

        await row.ScrollIntoViewIfNeededAsync();
        await thumb.WaitForAsync();
        await page.WaitForFunctionAsync($"() => {{ const i = document.querySelector(\"#jobs-body tr[data-id='{image.Id}'] img.thumb-img\"); return i && i.complete && i.naturalWidth > 0; }}");
        Assert.Equal("lazy", await thumb.GetAttributeAsync("loading"));
        Assert.Contains("sig=", await thumb.GetAttributeAsync("src"), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator($"#jobs-body tr[data-id='{audio.Id}'] .thumb-audio").CountAsync());
        Assert.DoesNotContain(previewCalls, url => url.Contains(audio.Id, StringComparison.Ordinal));
        await AxeAudit.AssertNoSeriousViolationsAsync(page, "list");

        // A job's page.
        await page.GotoAsync(new Uri(host.BaseAddress, $"/dashboard/#/jobs/{image.Id}").AbsoluteUri);
        await page.Locator("img.preview-image").WaitForAsync();
        await AxeAudit.AssertNoSeriousViolationsAsync(page, "job");

        // The batch: one bar per item, coloured by outcome (11 completed, 1 failed), and the table of every item.
        await page.GotoAsync(new Uri(host.BaseAddress, $"/dashboard/#/batches/{batch.Id}").AbsoluteUri);
        await page.Locator("#batch-timeline-table tbody tr >> nth=11").WaitForAsync();
        var bars = await page.EvaluateAsync<int[]>("() => Chart.getChart(document.getElementById('batch-timeline-canvas')).data.datasets.map(d => d.data.filter(x => x).length)");
        Assert.Equal(12, bars.Sum());
        Assert.Equal(["Completed", "Failed"], await page.EvaluateAsync<string[]>("() => Chart.getChart(document.getElementById('batch-timeline-canvas')).data.datasets.map(d => d.label).sort()"));
        await AxeAudit.AssertNoSeriousViolationsAsync(page, "batch");
        await page.Locator("#batch-timeline-panel").ScreenshotAsync(new LocatorScreenshotOptions { Path = Chromium.ScreenshotPath("dashboard-batch-timeline.png") });

        // Readable with 1,000 items: the same chart code given 1,000 rows grows to scroll inside its box and skips labels.
        var scale = await page.EvaluateAsync<int[]>("""
            async () => {
              const { gantt } = await import('./timeline.js');
              const chart = gantt('scale-check', 'Scale check', ['Item', 'Status'], r => [r.label, r.group]);
              document.getElementById('batch-timeline-panel').append(chart.figure);
              const t0 = Date.parse('2030-01-01T00:00:00Z');
              const rows = Array.from({ length: 1000 }, (_, i) => ({ label: `#${i}`, group: i % 10 ? 'Completed' : 'Failed',
                start: new Date(t0 + i * 500).toISOString(), end: new Date(t0 + i * 500 + 4000).toISOString() }));
              chart.update(rows, new Date(t0).toISOString());
              const c = Chart.getChart(document.getElementById('scale-check-canvas'));
              const box = document.querySelector('#scale-check .gantt-box');
              const result = [c.data.labels.length, c.scales.y.ticks.length, Math.round(c.height), box.clientHeight, document.querySelectorAll('#scale-check-table tbody tr').length];
              chart.dispose(); chart.figure.remove();
              return result;
            }
            """);
        Assert.Equal(1000, scale[0]);
        Assert.InRange(scale[1], 10, 999);
        Assert.True(scale[2] >= 4000, $"the chart is {scale[2]} px tall for 1,000 rows");
        Assert.InRange(scale[3], 100, 520);
        Assert.Equal(1000, scale[4]);

        // The chain: its two segments in order, with their durations.
        await page.GotoAsync(new Uri(host.BaseAddress, $"/dashboard/#/jobs/{chain.Id}").AbsoluteUri);
        await page.Locator("#chain-timeline-table tbody tr >> nth=1").WaitForAsync();
        Assert.Equal(2, await page.Locator("#chain-timeline-table tbody tr").CountAsync());
        Assert.Equal("Segment 1", await page.Locator("#chain-timeline-table tbody tr >> nth=0 >> th").TextContentAsync());
        await AxeAudit.AssertNoSeriousViolationsAsync(page, "chain");
        Assert.Empty(pageErrors);
    }

    /// <summary>A 1280×800 page on the dashboard's key page with the key typed in (not sent yet); its script errors are collected.</summary>
    private static async Task<(IPage Page, List<string> Errors)> OpenAsync(IBrowser browser, TestHost host, Action<IPage> watch)
    {
        var page = await (await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } })).NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        watch(page);
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync(new Uri(host.BaseAddress, "/dashboard/").AbsoluteUri);
        await page.Locator("#key-input").FillAsync(HostEnvironment.ApiKey);
        return (page, errors);
    }
}
