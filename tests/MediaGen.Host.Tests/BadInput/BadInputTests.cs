using Azure.Storage.Blobs.Models;
using MediaGen.Api.Streaming;
using MediaGen.Core.Jobs;
using MediaGen.Core.Providers.Cosmic;
using MediaGen.Core.Providers.Validation;
using MediaGen.Workflows.Pixazo;
using Xunit.Abstractions;

namespace MediaGen.Host.Tests.BadInput;

/// <summary>
/// Issue 11.1, "no 5xx for bad input, anywhere": thousands of bad requests derived from the documented bodies and query,
/// over real HTTP to one host, through the requests queue and the blob inbox. Each must be answered 4xx with a
/// ProblemDetails naming the field (the queue and inbox: a poison envelope or marker with the errors and
/// <c>reason: invalid</c>), and none may start anything.
/// </summary>
public sealed class BadInputTests(BadInputHost fixture, ITestOutputHelper output) : IClassFixture<BadInputHost>
{
    [Fact]
    public Task StartJob_MutatedDocumentedBodies_Answer400NamingTheFieldAndStartNothing() => PostAsync(Documented.Jobs);

    [Fact]
    public Task StartBatch_MutatedDocumentedBody_Answers400NamingTheFieldAndStartsNothing() => PostAsync(Documented.Batches);

    [Fact]
    public Task StartChain_MutatedDocumentedBodies_Answer400NamingTheFieldAndStartNothing() => PostAsync(Documented.Chains);

    [Fact]
    public Task StreamText_MutatedDocumentedBodies_Answer400NamingTheFieldAndCallNoProvider() => PostAsync(Documented.TextStream);

    [Fact]
    public async Task PixazoWebhook_MutatedStatus_Answers400NamingTheFieldAndChangesNothing()
    {
        var host = fixture.Host;
        var url = fixture.PixazoJob.PixazoWebhookUri!;
        var body = Documented.Webhook(url.AbsolutePath, fixture.PixazoRequestId);
        AssertValid(body);
        var random = new Random(BadInputHost.Seed);
        string?[] contentTypes = ["application/json", "text/plain", null, "application/octet-stream", "garbage;;;"];
        var cases = BadInputCases.For(body, random, url.PathAndQuery, () => contentTypes[random.Next(contentTypes.Length)], checksContentType: false).ToList();
        var valid = Encoding.UTF8.GetBytes(body.Json);
        var secret = url.Query["?secret=".Length..];
        foreach (var query in new[] { "", "?secret=", "?secret=AAAA" + secret[4..], "?secret=" + secret[..^2], "?secret=" + new string('A', 4000), $"?secret={secret}&secret={secret}", $"?SECRET={secret}x" })
        {
            cases.Add(new BadInputCase(url.AbsolutePath + query, $"webhook with query '{BadInputCase.Shorten(query, 40)}'", valid, "application/json", 401, []));
        }

        var before = await host.GetJobAsync(fixture.PixazoJob.Id);
        await RunAsync(cases, host.Anonymous, "webhook");
        var after = await host.GetJobAsync(fixture.PixazoJob.Id);
        Assert.Equal(JsonSerializer.Serialize(before, JobJson.Options), JsonSerializer.Serialize(after, JobJson.Options));
    }

    [Fact]
    public async Task ListJobs_BadQueries_Answer400NamingTheParameter()
    {
        var cases = ListQueryCases.All().ToList();

        await RunAsync(cases, fixture.Host.Api, "list query");
    }

    [Fact]
    public async Task RequestQueue_MutatedJobMessages_ArePoisonedAsInvalidNamingTheField()
    {
        var host = fixture.Host;
        var random = new Random(BadInputHost.Seed);
        var cases = IntakeSample(random, 300);
        var instances = await fixture.CountInstancesAsync();
        var queue = host.Queues.GetQueueClient(host.Names.Requests);
        var poison = host.Queues.GetQueueClient(host.Names.Poison);
        await queue.CreateIfNotExistsAsync();
        await poison.CreateIfNotExistsAsync();
        var texts = cases.Select(c => AsMessage(c.Body!, random)).ToList();

        var sent = new Dictionary<string, BadInputCase>();
        var ids = new string[cases.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, cases.Count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            ids[i] = (await queue.SendMessageAsync(texts[i], ct)).Value.MessageId);
        for (var i = 0; i < cases.Count; i++)
        {
            sent[ids[i]] = cases[i];
        }

        var failures = new List<string>();
        var seen = new HashSet<string>();
        try
        {
            // Waits while poison messages keep coming (a loaded machine is slower, not wrong); gives up after a stall.
            await Waits.ForProgressAsync(
                async token =>
                {
                    foreach (var message in (await poison.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1), token)).Value)
                    {
                        var envelope = JsonSerializer.Deserialize<PoisonEnvelope>(message.Body.ToString(), JobJson.Options)!;
                        if (!sent.TryGetValue(envelope.MessageId, out var c) || !seen.Add(envelope.MessageId))
                        {
                            continue;
                        }

                        if (CaseRunner.CheckErrors(c, "poison envelope", envelope.Reason, envelope.Errors) is { } failure)
                        {
                            failures.Add(failure);
                        }
                        else if (envelope.DequeueCount != 1)
                        {
                            failures.Add($"- {c.Description}: poisoned after {envelope.DequeueCount} deliveries, expected at once");
                        }
                    }

                    return seen.Count;
                },
                count => count >= sent.Count,
                count => count,
                "a poison envelope for every bad queue message");
        }
        catch (TimeoutException)
        {
            // Stalled: the messages never poisoned are reported below.
        }

        failures.AddRange(sent.Where(s => !seen.Contains(s.Key)).Select(s => $"- {s.Value.Description}: never poisoned\n    sent: {s.Value.BodyPreview}"));
        CaseRunner.AssertNone(failures, cases.Count, "request queue");
        Assert.Equal(instances, await fixture.CountInstancesAsync());
        output.WriteLine($"{cases.Count} queue messages poisoned as invalid (seed {BadInputHost.Seed})");
    }

    [Fact]
    public async Task BlobInbox_MutatedJobSpecs_AreMarkedInvalidNamingTheField()
    {
        var host = fixture.Host;
        var random = new Random(BadInputHost.Seed + 1);
        var cases = IntakeSample(random, 200);
        var instances = await fixture.CountInstancesAsync();
        var inbox = host.Blobs.GetBlobContainerClient(host.Names.Inbox);
        var processed = host.Blobs.GetBlobContainerClient(host.Names.Processed);
        await inbox.CreateIfNotExistsAsync();
        string Name(int i) => $"bad-input/{i:D4}.json";

        await Parallel.ForEachAsync(Enumerable.Range(0, cases.Count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            await inbox.GetBlobClient(Name(i)).UploadAsync(BinaryData.FromBytes(cases[i].Body!), ct));

        var markers = new HashSet<string>();
        try
        {
            // Waits while markers keep appearing (a loaded machine is slower, not wrong); gives up after a stall.
            await Waits.ForProgressAsync(
                async token =>
                {
                    if (await processed.ExistsAsync(token))
                    {
                        await foreach (var marker in processed.GetBlobsAsync(new GetBlobsOptions { Prefix = "bad-input/" }, token))
                        {
                            markers.Add(marker.Name);
                        }
                    }

                    return markers.Count;
                },
                count => count >= cases.Count,
                count => count,
                "a marker for every bad inbox blob");
        }
        catch (TimeoutException)
        {
            // Stalled: the cases without a marker are reported below.
        }

        var failures = new List<string>();
        for (var i = 0; i < cases.Count; i++)
        {
            if (!markers.Contains(Name(i)))
            {
                failures.Add($"- {cases[i].Description}: no marker\n    sent: {cases[i].BodyPreview}");
                continue;
            }

            var record = (await processed.GetBlobClient(Name(i)).DownloadContentAsync()).Value.Content.ToObjectFromJson<InboxRecord>(JobJson.Options)!;
            if (record.Status != "failed" || record.JobId is not null)
            {
                failures.Add($"- {cases[i].Description}: marker {record.Status} (job {record.JobId})\n    sent: {cases[i].BodyPreview}");
            }
            else if (CaseRunner.CheckErrors(cases[i], "inbox marker", record.Reason, record.Errors) is { } failure)
            {
                failures.Add(failure);
            }
        }

        CaseRunner.AssertNone(failures, cases.Count, "blob inbox");
        Assert.Equal(instances, await fixture.CountInstancesAsync());
        output.WriteLine($"{cases.Count} inbox specs marked invalid (seed {BadInputHost.Seed})");
    }

    private async Task PostAsync(IReadOnlyList<DocumentedBody> bodies)
    {
        var random = new Random(BadInputHost.Seed);
        var cases = new List<BadInputCase>();
        foreach (var body in bodies)
        {
            AssertValid(body);
            cases.AddRange(BadInputCases.For(body, random));
        }

        await RunAsync(cases, fixture.Host.Api, bodies[0].Route);
    }

    private async Task RunAsync(IReadOnlyList<BadInputCase> cases, HttpClient client, string what)
    {
        var instances = await fixture.CountInstancesAsync();
        var providerRequests = await fixture.ProviderRequestsAsync();
        var started = DateTime.UtcNow;

        var failures = await CaseRunner.SendAsync(client, cases);

        output.WriteLine($"{cases.Count} {what} cases in {(DateTime.UtcNow - started).TotalSeconds:F1} s (seed {BadInputHost.Seed}), {failures.Count} failed");
        CaseRunner.AssertNone(failures, cases.Count, what);
        Assert.True(cases.Count >= 50, $"only {cases.Count} {what} cases were generated");
        Assert.Equal(instances, await fixture.CountInstancesAsync());
        Assert.Equal(providerRequests, await fixture.ProviderRequestsAsync());
    }

    /// <summary>A seeded sample of the job route's body cases (content types do not apply to messages and blobs).</summary>
    private static List<BadInputCase> IntakeSample(Random random, int count)
    {
        var all = Documented.Jobs.SelectMany(body => BadInputCases.For(body, random, maxBodyBytes: 40_000))
            .Where(c => c.Status == 400 && c.Body!.Length <= 40_000 && !c.Description.Contains("size cap", StringComparison.Ordinal))
            .ToList();
        return [.. all.OrderBy(_ => random.Next()).Take(count)];
    }

    /// <summary>The message text of a body: as it is when it is XML-safe text (randomly), else base64 as the Functions SDK sends it.</summary>
    private static string AsMessage(byte[] body, Random random)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return Convert.ToBase64String(body);
        }

        var xmlSafe = text.All(ch => ch is '\t' or '\n' or '\r' || ch >= ' ' && ch is not ('\uFFFE' or '\uFFFF'));
        return xmlSafe && random.Next(2) == 0 ? text : Convert.ToBase64String(body);
    }

    /// <summary>The documented body really is valid, so a refused mutation is refused for the mutation.</summary>
    private void AssertValid(DocumentedBody body)
    {
        var services = fixture.Host.Services;
        var validator = services.GetRequiredService<JobValidator>();
        var now = DateTimeOffset.UtcNow;
        var bytes = Encoding.UTF8.GetBytes(body.Json);
        IReadOnlyList<ValidationError> errors;
        try
        {
            errors = body.Route switch
            {
                "/api/jobs" => validator.Validate(JobRequestReader.Read(bytes, now), now),
                "/api/batches" => [.. BatchRequestReader.Read(bytes, now).Items.SelectMany((item, i) => validator.Validate(item, now, $"items[{i}]."))],
                "/api/chains" => validator.ValidateChain(ChainRequestReader.Read(bytes, now), 20, now),
                "/api/text/stream" => services.GetRequiredService<TextStreamSpending>().UrlProblems(
                    TextStreamRequestReader.Read(bytes, services.GetRequiredService<IRequestValidator<CosmicTextRequest>>())),
                _ => PixazoWebhookPayload.Problems(bytes),
            };
        }
        catch (RequestValidationException ex)
        {
            errors = ex.Errors;
        }

        Assert.True(errors.Count == 0, $"{body.Name} is not valid: {string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}"))}");
    }
}
