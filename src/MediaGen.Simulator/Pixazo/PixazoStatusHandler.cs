using System.Text.RegularExpressions;

namespace MediaGen.Simulator.Pixazo;

/// <summary>
/// <c>GET /v2/requests/status/{request_id}</c>. Polls are counted per request id; faults come from
/// admin rules on <c>pixazo.status</c> and from the submit prompt's <c>poll-…</c> directives
/// (their <c>*N</c> counts polls).
/// </summary>
internal sealed partial class PixazoStatusHandler(
    PixazoJobStore jobs,
    RequestLedger ledger,
    FaultRegistry faults,
    ProviderAuth auth,
    ProviderPipeline pipeline,
    MediaStore media,
    IOptionsMonitor<SimulatorOptions> options,
    TimeProvider time)
{
    public async Task HandleAsync(HttpContext context, string requestId)
    {
        var ct = context.RequestAborted;
        if (auth.Check(SimulatedProvider.Pixazo, context.Request) is { } denied)
        {
            await ProviderPipeline.WriteErrorAsync(context, SimulatedProvider.Pixazo, StatusCodes.Status401Unauthorized, denied);
            return;
        }

        var poll = ledger.RecordPoll(requestId);
        var job = jobs.Find(requestId) ?? DocumentationExample(context, requestId);
        var plan = FaultPlan.From(
            [.. faults.Take(SimulatorEndpoints.PixazoStatus, job?.Prompt, requestId), .. job?.PollDirectives ?? []],
            poll);
        if (await pipeline.ApplyFaultsAsync(context, SimulatedProvider.Pixazo, plan, ct))
        {
            return;
        }

        var reply = job is null
            ? ProviderReply.Error(StatusCodes.Status404NotFound, $"Request '{requestId}' not found")
            : ProviderReply.Ok(job.DescribeAt(time.GetUtcNow()));
        await ProviderPipeline.WriteReplyAsync(context, SimulatedProvider.Pixazo, reply, plan.Malformed, ct);
    }

    /// <summary>A finished request for the document's placeholder ids, so its cURL examples work as written.</summary>
    private PixazoJob? DocumentationExample(HttpContext context, string requestId)
    {
        if (!options.CurrentValue.AnswerDocumentationExamples || PlaceholderId().Match(requestId) is not { Success: true } match)
        {
            return null;
        }

        var model = match.Groups["model"].Value;
        var format = model == PixazoModels.ImageToVideo ? MediaFormat.Mp4 : MediaFormat.Jpeg;
        var name = $"output.{MediaFormats.Extension(format)}";
        var stored = media.Create(name, format);
        var baseUrl = SimulatorUrls.BaseOf(context, options.CurrentValue);
        var job = new PixazoJob(
            requestId, model, null, time.GetUtcNow(), TimeSpan.Zero, TimeSpan.Zero, PixazoRequestStatus.Completed, null,
            [SimulatorUrls.Combine(baseUrl, $"/media/{stored.Id}/{name}")], MediaFormats.ContentType(format),
            new PixazoWebhookPlan(null, 1, TimeSpan.Zero, false), []);
        jobs.Add(job);
        return job;
    }

    [GeneratedRegex("^(?<model>cosmos-3-super-(text-to-image|image-to-video))_019dxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx$", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderId();
}
