using MediaGen.Core.Jobs;
using MediaGen.Core.Providers;
using MediaGen.Core.Providers.Pixazo;
using MediaGen.Workflows.Payloads;
using MediaGen.Workflows.Pixazo;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace MediaGen.Workflows.Activities;

/// <summary>
/// Submits a job to Pixazo, idempotently per job and submission number: a submission already recorded in the
/// <see cref="PixazoSubmissionLedger"/> returns its request id and sends nothing, so a retried or re-executed submit
/// never buys a second generation. Passes the job's webhook URL (with its secret) as <c>X-Webhook-URL</c>.
/// </summary>
public sealed partial class PixazoSubmitActivity(
    PixazoClient pixazo,
    PixazoSubmissionLedger ledger,
    PixazoWebhooks webhooks,
    ILogger<PixazoSubmitActivity> logger) : TaskActivity<PixazoSubmitInput, PixazoSubmitOutput>
{
    /// <inheritdoc />
    public override async Task<PixazoSubmitOutput> RunAsync(TaskActivityContext context, PixazoSubmitInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var jobId = context.InstanceId;
        if (await ledger.FindAsync(jobId, input.Submission).ConfigureAwait(false) is { } recorded)
        {
            LogReplayed(logger, jobId, input.Submission, recorded);
            return new PixazoSubmitOutput(new PixazoStatusReport(recorded, PixazoStatus.Queued, null, [], null), Replayed: true);
        }

        var webhookUrl = webhooks.UrlFor(jobId);
        PixazoRequestStatus answer;
        try
        {
            answer = JobParamsBinder.Bind(input.Request.Provider, input.Request.Kind, input.Request.Params) switch
            {
                PixazoTextToImageRequest image => await pixazo.SubmitTextToImageAsync(image with { WebhookUrl = webhookUrl }).ConfigureAwait(false),
                PixazoImageToVideoRequest video => await pixazo.SubmitImageToVideoAsync(video with { WebhookUrl = webhookUrl }).ConfigureAwait(false),
                _ => throw new InvalidOperationException($"{input.Request.Provider} {input.Request.Kind} is not a Pixazo job."),
            };
        }
        catch (ProviderException ex)
        {
            LogFailed(logger, jobId, input.Submission, StepFailure.ErrorCode(ex.ErrorType), (int?)ex.Status);
            return new PixazoSubmitOutput(null, Failure: StepFailure.From(ex));
        }

        var requestId = await ledger.RecordAsync(jobId, input.Submission, answer.RequestId).ConfigureAwait(false);
        LogSubmitted(logger, jobId, input.Submission, requestId);
        return new PixazoSubmitOutput(requestId == answer.RequestId
            ? PixazoStatusReport.From(answer)
            : new PixazoStatusReport(requestId, PixazoStatus.Queued, null, [], null));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId}: Pixazo submission {Submission} is request {RequestId}")]
    private static partial void LogSubmitted(ILogger logger, string jobId, int submission, string requestId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId}: Pixazo submission {Submission} was already made (request {RequestId}); nothing sent")]
    private static partial void LogReplayed(ILogger logger, string jobId, int submission, string requestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: Pixazo submission {Submission} failed ({ErrorType}, HTTP {Status})")]
    private static partial void LogFailed(ILogger logger, string jobId, int submission, string errorType, int? status);
}
