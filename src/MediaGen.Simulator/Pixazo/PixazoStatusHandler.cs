using MediaGen.Simulator.Faults;
using MediaGen.Simulator.Ledger;
using MediaGen.Simulator.Pipeline;

namespace MediaGen.Simulator.Pixazo;

/// <summary>
/// <c>GET /v2/requests/status/{request_id}</c>. Polls are counted per request id; faults come from
/// admin rules on <c>pixazo.status</c> and from the submit prompt's <c>poll-…</c> directives
/// (their <c>*N</c> counts polls).
/// </summary>
internal sealed class PixazoStatusHandler(
    PixazoJobStore jobs,
    RequestLedger ledger,
    FaultRegistry faults,
    ProviderAuth auth,
    ProviderPipeline pipeline,
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
        var job = jobs.Find(requestId);
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
}
