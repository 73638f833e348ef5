using MediaGen.Core.Jobs;
using Microsoft.Playwright;

namespace MediaGen.Host.Tests.Dashboard;

/// <summary>
/// The operator dashboard in a real Chromium against the standalone host on Azurite and the provider simulator: what an
/// operator does and sees, checked in the page and against the job API.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardBrowserTests(HostEnvironment env)
{
    private const string Markup = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script><b>bold</b>";

    [Fact]
    public async Task Dashboard_ListFilterPreviewCancelRerun_WorksInChromium()
    {
        await using var host = await env.StartHostAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var pixazo = await host.StartJobAsync($$$"""{"kind":"image","provider":"pixazo","params":{"prompt":"a heron {{{tag}}}"},"idempotencyKey":"heron-{{{tag}}}"}""");
        var markup = await host.StartJobAsync(JsonSerializer.Serialize(new { kind = "image", provider = "cosmic", @params = new { prompt = Markup + " " + tag } }));
        var waiting = await host.StartJobAsync($$$"""{"kind":"image","provider":"pixazo","params":{"prompt":"slow swan {{{tag}}} [sim:queued=600000]"}}""");
        Assert.Equal(JobStatus.Completed, (await host.WaitForJobAsync(pixazo.Id)).Status);
        Assert.Equal(JobStatus.Completed, (await host.WaitForJobAsync(markup.Id)).Status);
        await host.WaitForJobAsync(waiting.Id, j => j.Progress?.GetProperty("phase").GetString() == "waiting");

        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        var pageErrors = new List<string>();
        page.PageError += (_, error) => pageErrors.Add(error);
        page.SetDefaultTimeout(30_000);

        // The key, entered once with the keyboard only (the field has focus), kept in session storage.
        await page.GotoAsync(new Uri(host.BaseAddress, "/dashboard").AbsoluteUri);
        Assert.EndsWith("/dashboard/", page.Url, StringComparison.Ordinal);
        await page.Locator("#key-input").WaitForAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.activeElement.id === 'key-input'"));
        await page.Keyboard.TypeAsync(HostEnvironment.ApiKey);
        await page.Keyboard.PressAsync("Enter");
        // The key opens the overview; the list is one link away.
        await page.Locator("#overview-summary").WaitForAsync();
        await page.Locator("#sections a:text-is('Jobs')").ClickAsync();
        await page.Locator($"#jobs-body tr[data-id='{waiting.Id}']").WaitForAsync();
        Assert.Equal(HostEnvironment.ApiKey, await page.EvaluateAsync<string>("sessionStorage.getItem('mediagen.apiKey')"));
        Assert.Empty(await context.CookiesAsync());
        Assert.Matches("^Last updated ", await page.Locator("#live").TextContentAsync());
        foreach (var id in (string[])[pixazo.Id, markup.Id, waiting.Id])
        {
            Assert.Equal(1, await page.Locator($"#jobs-body tr[data-id='{id}']").CountAsync());
        }

        // Whose job it is: the key's caller (Api__Key is the caller "default").
        Assert.Equal("default", await page.Locator($"#jobs-body tr[data-id='{pixazo.Id}'] td.caller").TextContentAsync());

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("dashboard-list.png"), FullPage = true });

        // Live update without reload: a job started now appears in the open list by itself.
        var later = await host.StartJobAsync($$$"""{"kind":"text","provider":"cosmic","params":{"prompt":"later {{{tag}}}"}}""");
        await page.Locator($"#jobs-body tr[data-id='{later.Id}']").WaitForAsync();

        // Filter: Completed + pixazo leaves the finished Pixazo job only (the Cosmic and the waiting Pixazo job go).
        await page.Locator("#filters input[value=Completed]").CheckAsync();
        await page.Locator("#provider").SelectOptionAsync("pixazo");
        await page.Locator("#apply-filters").ClickAsync();
        await page.WaitForURLAsync("**provider=pixazo**");
        await page.Locator($"#jobs-body tr[data-id='{pixazo.Id}']").WaitForAsync();
        Assert.Equal(0, await page.Locator($"#jobs-body tr[data-id='{markup.Id}']").CountAsync());
        Assert.Equal(0, await page.Locator($"#jobs-body tr[data-id='{waiting.Id}']").CountAsync());

        // Text search on the idempotency key finds the job by its key.
        await page.Locator("#clear-filters").ClickAsync();
        await page.Locator("#q").FillAsync($"heron-{tag}");
        await page.Locator("#q").PressAsync("Enter");
        await page.Locator($"#jobs-body tr[data-id='{pixazo.Id}']").WaitForAsync();
        Assert.Equal(1, await page.Locator("#jobs-body tr[data-id]").CountAsync());

        // Open the Pixazo job: the image preview has loaded through its SAS URL; type, size, SHA-256; the timeline.
        await page.Locator($"#jobs-body a:text-is('{pixazo.Id}')").ClickAsync();
        var image = page.Locator("img.preview-image");
        await image.WaitForAsync();
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('img.preview-image'); return i && i.complete && i.naturalWidth > 0; }");
        Assert.True(await image.EvaluateAsync<int>("i => i.naturalWidth") > 0);
        var src = await image.GetAttributeAsync("src");
        Assert.Contains("sig=", src, StringComparison.Ordinal);
        Assert.Contains("sp=r", src, StringComparison.Ordinal);
        Assert.Equal("default", await page.Locator("#job-caller").TextContentAsync());
        var job = (await host.GetJobAsync(pixazo.Id))!;
        var stored = Assert.Single(job.Result!.Items);
        var caption = await page.Locator("figure.preview figcaption").TextContentAsync();
        Assert.Contains(stored.Sha256, caption, StringComparison.Ordinal);
        Assert.Contains(stored.ContentType, caption, StringComparison.Ordinal);
        Assert.Contains($"{stored.Size} bytes", caption, StringComparison.Ordinal);
        var phases = await page.Locator("#timeline tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.phase)");
        Assert.Equal("accepted", phases[0]);
        Assert.Contains("submitted", phases);
        Assert.Contains("poll", phases); // the poll that confirms COMPLETED also stores the media (issue 24)
        Assert.DoesNotContain("copy", phases);
        Assert.Contains("completed", phases);
        Assert.True(phases.Contains("webhook") || phases.Contains("poll"), string.Join(",", phases));
        Assert.True(await page.Locator("#history").CountAsync() == 1);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("dashboard-detail.png"), FullPage = true });

        // Narrow window: nothing sticks out sideways (tables scroll inside their own box).
        await page.SetViewportSizeAsync(400, 800);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("dashboard-detail-narrow.png") });
        await page.SetViewportSizeAsync(1280, 800);

        // A prompt with markup and script renders as text: no element made from it, no script run.
        await page.GotoAsync(new Uri(host.BaseAddress, $"/dashboard/#/jobs/{markup.Id}").AbsoluteUri);
        await page.Locator("#parameters").WaitForAsync();
        Assert.Contains(Markup, await page.Locator("#parameters").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#parameters script, #parameters img, #parameters b").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("window.__pwned === undefined"));

        // Cancel the waiting job with a reason, through the confirmation dialog.
        await page.GotoAsync(new Uri(host.BaseAddress, $"/dashboard/#/jobs/{waiting.Id}").AbsoluteUri);
        await page.Locator("#cancel-job:not([disabled])").ClickAsync();
        await page.Locator("#cancel-reason").FillAsync($"operator test {tag}");
        await page.Locator("#confirm-ok").ClickAsync();
        await page.Locator("#job-status [data-status=Canceled]").WaitForAsync();
        var canceled = await host.WaitForJobAsync(waiting.Id);
        Assert.Equal(JobStatus.Canceled, canceled.Status);
        Assert.Contains($"operator test {tag}", canceled.Error!.Message, StringComparison.Ordinal);
        Assert.True(await page.Locator("#cancel-job").IsDisabledAsync());

        // Re-run the finished Pixazo job: a new job with the same parameters and a new idempotency key, opened in the page.
        await page.GotoAsync(new Uri(host.BaseAddress, $"/dashboard/#/jobs/{pixazo.Id}").AbsoluteUri);
        await page.Locator("#rerun-job").ClickAsync();
        await page.Locator("#confirm-ok").ClickAsync();
        await page.WaitForFunctionAsync($"() => location.hash.startsWith('#/jobs/') && !location.hash.endsWith('{pixazo.Id}')");
        var rerunId = Uri.UnescapeDataString(new Uri(page.Url).Fragment["#/jobs/".Length..]);
        Assert.NotEqual(pixazo.Id, rerunId);
        var rerun = await host.WaitForJobAsync(rerunId);
        Assert.Equal(JobStatus.Completed, rerun.Status);
        Assert.Equal(ProviderName(job), ProviderName(rerun));
        using var rerunDetails = JsonDocument.Parse(await host.Api.GetStringAsync(new Uri($"/api/jobs/{rerunId}/details", UriKind.Relative)));
        var request = rerunDetails.RootElement.GetProperty("request");
        Assert.Equal($"a heron {tag}", request.GetProperty("params").GetProperty("prompt").GetString());
        Assert.StartsWith("rerun-", rerunDetails.RootElement.GetProperty("idempotencyKey").GetString(), StringComparison.Ordinal);
        await page.Locator("img.preview-image").WaitForAsync();

        Assert.Empty(pageErrors);
    }

    [Fact]
    public async Task Dashboard_BatchChainAndPurge_WorkInChromium()
    {
        await using var host = await env.StartHostAsync();
        var batch = await host.StartJobAsync("""{"items":[{"kind":"image","provider":"cosmic","params":{"prompt":"one"}},{"kind":"image","provider":"comet","params":{"prompt":"two"}},{"kind":"audio","provider":"cosmic","params":{"prompt":"three"}}]}""", "/api/batches");
        var chain = await host.StartJobAsync("""{"initial":{"prompt":"a kite"},"prompts":["higher"]}""", "/api/chains");
        Assert.Equal(JobStatus.Completed, (await host.WaitForJobAsync(chain.Id)).Status);
        await Waits.ForAsync(async () =>
        {
            using var document = JsonDocument.Parse(await host.Api.GetStringAsync(new Uri($"/api/batches/{batch.Id}", UriKind.Relative)));
            return document.RootElement.GetProperty("status").GetString() == "Completed" ? "" : null;
        }, "the batch to complete");

        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await (await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } })).NewPageAsync();
        var pageErrors = new List<string>();
        page.PageError += (_, error) => pageErrors.Add(error);
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync(new Uri(host.BaseAddress, "/dashboard/").AbsoluteUri);
        await page.Locator("#key-input").FillAsync(HostEnvironment.ApiKey);
        await page.Locator("#key-form button[type=submit]").ClickAsync();
        await page.Locator("#overview-summary").WaitForAsync();
        await page.GotoAsync(new Uri(host.BaseAddress, "/dashboard/#/jobs").AbsoluteUri);
        await page.Locator($"#jobs-body tr[data-id='{chain.Id}']").WaitForAsync();

        // Keyboard only: Tab reaches a job's link in the list, Enter opens it, and Escape closes a dialog opened by Enter.
        for (var i = 0; i < 40 && !await page.EvaluateAsync<bool>("document.activeElement?.classList.contains('job-link') === true"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        var focused = await page.EvaluateAsync<string>("document.activeElement.textContent");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync($"() => location.hash === '#/jobs/{focused}'");
        await page.Locator("#rerun-job").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.True(await page.Locator("#confirm").IsVisibleAsync());
        await page.Keyboard.PressAsync("Escape");
        Assert.False(await page.Locator("#confirm").IsVisibleAsync());

        // The batch: a full progress bar, every item's status, the two images loaded and the audio player.
        await page.GotoAsync(new Uri(host.BaseAddress, $"/dashboard/#/batches/{batch.Id}").AbsoluteUri);
        await page.Locator("#batch-progress").WaitForAsync();
        Assert.Equal("3", await page.Locator("#batch-progress").GetAttributeAsync("max"));
        Assert.Equal("3", await page.Locator("#batch-progress").GetAttributeAsync("value"));
        Assert.Equal(3, await page.Locator("#batch-items tbody [data-status=Completed]").CountAsync());
        await page.WaitForFunctionAsync("() => { const i = [...document.querySelectorAll('img.preview-image')]; return i.length === 2 && i.every(x => x.complete && x.naturalWidth > 0); }");
        var audio = page.Locator("audio.preview-audio");
        Assert.Equal(1, await audio.CountAsync());
        Assert.Contains("sig=", await audio.GetAttributeAsync("src"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("dashboard-batch.png"), FullPage = true });

        // The chain: every segment done, one video player per stored segment.
        await page.GotoAsync(new Uri(host.BaseAddress, $"/dashboard/#/jobs/{chain.Id}").AbsoluteUri);
        await page.Locator("#chain-progress").WaitForAsync();
        Assert.Equal("2", await page.Locator("#chain-progress").GetAttributeAsync("max"));
        Assert.Equal("2", await page.Locator("#chain-progress").GetAttributeAsync("value"));
        Assert.Equal(2, await page.Locator("video.preview-video").CountAsync());

        // Purge, confirmed in the dialog: a time in the future is refused there (400 naming the field), then everything
        // finished before now goes — the batch, its items and the chain.
        await page.GotoAsync(new Uri(host.BaseAddress, "/dashboard/#/jobs").AbsoluteUri);
        await page.Locator(".purge-panel summary").ClickAsync();
        await page.Locator("#purge-before").FillAsync(await page.EvaluateAsync<string>(LocalTime, 86_400_000));
        await page.Locator(".purge button[type=submit]").ClickAsync();
        await page.Locator("#confirm-ok").ClickAsync();
        await page.Locator("#confirm-error:not([hidden])").WaitForAsync();
        Assert.Contains("createdBefore", await page.Locator("#confirm-error").TextContentAsync(), StringComparison.Ordinal);
        await page.Locator("#confirm-cancel").ClickAsync();
        Assert.NotNull(await host.GetJobAsync(chain.Id));
        await page.Locator("#purge-before").FillAsync(await page.EvaluateAsync<string>(LocalTime, -1000));
        await page.Locator(".purge button[type=submit]").ClickAsync();
        await page.Locator("#confirm-ok").ClickAsync();
        await page.Locator("#purge-result:text-matches('^Purged [1-9]')").WaitForAsync();
        Assert.Null(await host.GetJobAsync(chain.Id));
        Assert.Null(await host.GetJobAsync(batch.Id + ".0000"));
        using var purgedBatch = await host.Api.GetAsync(new Uri($"/api/batches/{batch.Id}", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, purgedBatch.StatusCode);
        await page.Locator("#jobs-body td.muted").WaitForAsync();
        Assert.Empty(pageErrors);
    }

    // The browser's local time, shifted by the argument in milliseconds, as a datetime-local value in the browser's own
    // form: with seconds, except at :00, which Chromium drops (a fill with ":00" reads back different: "Malformed value").
    private const string LocalTime = """
        shift => { const d = new Date(Date.now() + shift); const p = n => String(n).padStart(2, '0');
          return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}${d.getSeconds() ? ':' + p(d.getSeconds()) : ''}`; }
        """;

    private static string ProviderName(JobState job) => $"{job.Kind}/{job.Provider}";
}
