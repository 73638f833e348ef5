using MediaGen.Core.Jobs;

namespace MediaGen.Host.Tests.Api;

[Collection(JobsCollection.Name)]
public sealed class JobRoutesTests(HostEnvironment env)
{
    [Fact]
    public async Task StartJob_ValidCosmicImage_Returns202WithLocationAndCompletes()
    {
        await using var host = await env.StartHostAsync();
        var prompt = "fox " + Guid.NewGuid().ToString("N");

        using var response = await host.PostJsonAsync("/api/jobs", $$$"""{"kind":"image","provider":"cosmic","params":{"prompt":"{{{prompt}}}"}}""");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = (await response.Content.ReadFromJsonAsync<MediaGen.Api.Jobs.JobAccepted>(JobJson.Options))!;
        Assert.Equal(new Uri(host.BaseAddress, $"/api/jobs/{accepted.Id}"), response.Headers.Location);
        Assert.Equal(response.Headers.Location, accepted.StatusQueryGetUri);
        Assert.Equal(new Uri(host.BaseAddress, $"/api/jobs/{accepted.Id}/cancel"), accepted.CancelPostUri);
        Assert.Equal("job", accepted.Type);
        Assert.True(accepted.Created);
        Assert.Null(accepted.PixazoWebhookUri);
        var job = await host.WaitForJobAsync(accepted.Id);
        Assert.Equal(JobStatus.Completed, job.Status);
        var item = Assert.Single(job.Result!.Items);
        Assert.Equal("image/png", item.ContentType);
        var blob = host.Blobs.GetBlobContainerClient(item.BlobUri.Segments[2].TrimEnd('/')).GetBlobClient(string.Concat(item.BlobUri.Segments[3..]));
        Assert.Equal(item.Size, (await blob.GetPropertiesAsync()).Value.ContentLength);
    }

    [Fact]
    public async Task StartJob_SameIdempotencyKeyTwice_ReturnsSameJobAndGeneratesOnce()
    {
        await using var host = await env.StartHostAsync();
        var prompt = "idem " + Guid.NewGuid().ToString("N");
        var json = $$$"""{"kind":"image","provider":"cosmic","params":{"prompt":"{{{prompt}}}"},"idempotencyKey":"key-{{{Guid.NewGuid():N}}}"}""";

        using var first = await host.PostJsonAsync("/api/jobs", json);
        using var second = await host.PostJsonAsync("/api/jobs", json);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var a = (await first.Content.ReadFromJsonAsync<MediaGen.Api.Jobs.JobAccepted>(JobJson.Options))!;
        var b = (await second.Content.ReadFromJsonAsync<MediaGen.Api.Jobs.JobAccepted>(JobJson.Options))!;
        Assert.Equal(a.Id, b.Id);
        Assert.False(b.Created);
        Assert.Equal(a.StatusQueryGetUri, second.Headers.Location);
        await host.WaitForJobAsync(a.Id);
        using var third = await host.PostJsonAsync("/api/jobs", json);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal(1, (await env.Simulator.GetRequestsAsync()).CountOf(SimulatorEndpoints.CosmicImage, prompt));
    }

    [Fact]
    public async Task StartJob_Pixazo_BodyCarriesWebhookUrlWithSecret()
    {
        await using var host = await env.StartHostAsync();

        var accepted = await host.StartJobAsync("""{"kind":"image","provider":"pixazo","params":{"prompt":"a heron"}}""");

        Assert.NotNull(accepted.PixazoWebhookUri);
        Assert.StartsWith(new Uri(host.BaseAddress, $"/api/webhooks/pixazo/{accepted.Id}?secret=").AbsoluteUri, accepted.PixazoWebhookUri!.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(JobStatus.Completed, (await host.WaitForJobAsync(accepted.Id)).Status);
    }

    [Fact]
    public async Task GetJob_UnknownId_Returns404ProblemDetails()
    {
        await using var host = await env.StartHostAsync();

        using var response = await host.Api.GetAsync(new Uri("/api/jobs/job-does-not-exist", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ListJobs_StatusFilterAndPaging_ReturnsEveryJobOnceAcrossPages()
    {
        await using var host = await env.StartHostAsync();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await host.StartJobAsync($$$"""{"kind":"text","provider":"cosmic","params":{"prompt":"list {{{i}}}"}}""")).Id);
        }

        foreach (var id in ids)
        {
            await host.WaitForJobAsync(id);
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var query = "/api/jobs?status=Completed&pageSize=1&createdFrom=2000-01-01T00:00:00Z" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token));
            var page = (await host.Api.GetFromJsonAsync<JobPage>(new Uri(query, UriKind.Relative), JobJson.Options))!;
            seen.AddRange(page.Jobs.Select(j => j.Id));
            Assert.All(page.Jobs, j => Assert.Equal(JobStatus.Completed, j.Status));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null && pages < 20);

        Assert.Equal(ids.Order(), seen.Order());
        Assert.True(pages >= 2, "pageSize=1 must page");
        var failed = (await host.Api.GetFromJsonAsync<JobPage>(new Uri("/api/jobs?status=failed", UriKind.Relative), JobJson.Options))!;
        Assert.Empty(failed.Jobs);
    }

    [Theory]
    [InlineData("status=Done", "status")]
    [InlineData("createdFrom=yesterday", "createdFrom")]
    [InlineData("createdFrom=2030-01-02T00:00:00Z&createdTo=2030-01-01T00:00:00Z", "createdTo")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=abc", "pageSize")]
    [InlineData("sort=asc", "sort")]
    public async Task ListJobs_InvalidQuery_Returns400NamingTheParameter(string query, string field)
    {
        await using var host = await env.StartHostAsync();

        using var response = await host.Api.GetAsync(new Uri("/api/jobs?" + query, UriKind.Relative));

        await ProblemAssert.InvalidAsync(response, field);
    }

    [Fact]
    public async Task CancelJob_WaitingPixazoJob_Returns202ThenCanceledThen409()
    {
        await using var host = await env.StartHostAsync();
        env.Simulator.Options.PixazoQueuedFor = TimeSpan.FromMinutes(5);
        try
        {
            var accepted = await host.StartJobAsync("""{"kind":"image","provider":"pixazo","params":{"prompt":"cancel me"}}""");
            await host.WaitForJobAsync(accepted.Id, j => j.Progress is { } p && p.TryGetProperty("requestId", out var r) && r.ValueKind == JsonValueKind.String);

            using var cancel = await host.Api.PostAsync(new Uri($"/api/jobs/{accepted.Id}/cancel?reason=test", UriKind.Relative), null);

            Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
            var job = await host.WaitForJobAsync(accepted.Id);
            Assert.Equal(JobStatus.Canceled, job.Status);
            using var again = await host.Api.PostAsync(new Uri($"/api/jobs/{accepted.Id}/cancel", UriKind.Relative), null);
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }
        finally
        {
            env.Simulator.Options.PixazoQueuedFor = TimeSpan.FromMilliseconds(50);
        }
    }

    [Fact]
    public async Task CancelJob_UnknownId_Returns404()
    {
        await using var host = await env.StartHostAsync();

        using var response = await host.Api.PostAsync(new Uri("/api/jobs/job-unknown/cancel", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
