using MediaGen.Workflows.Generations;
using MediaGen.Workflows.Pixazo;
using Microsoft.Extensions.Logging;

namespace MediaGen.Workflows.Activities;

/// <summary>
/// Submits a job to Pixazo, idempotently per job and submission number, through a <see cref="GenerationLedger"/> claim:
/// the submit holds the claim while it calls Pixazo, and the claim then records the answer (its request id), so a retried
/// or re-executed submit returns the recorded request id and sends nothing — it never buys a second generation — and a host
/// that dies between Pixazo accepting and the record being written leaves a lapsed claim: the re-run fails
/// <c>interrupted</c> instead of submitting again. Passes the job's webhook URL (with its secret) as <c>X-Webhook-URL</c>.
/// </summary>
public sealed partial class PixazoSubmitActivity(
    PixazoClient pixazo,
    GenerationLedger claims,
    PixazoWebhooks webhooks,
    ILogger<PixazoSubmitActivity> logger) : TaskActivity<PixazoSubmitInput, PixazoSubmitOutput>
{
    /// <inheritdoc />
    public override async Task<PixazoSubmitOutput> RunAsync(TaskActivityContext context, PixazoSubmitInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        using var span = StepSpans.Start(nameof(PixazoSubmitActivity), context, input.Trace, input.Request.Provider, input.Request.Kind);
        span?.SetTag("mediagen.pixazo.submission", input.Submission);
        var output = await RunStepAsync(context, input).ConfigureAwait(false);
        StepSpans.Fail(span, output.Failure);
        span?.SetTag(MediaGenTelemetry.ProviderRequestIdTag, output.Report?.RequestId);
        return output;
    }

    private async Task<PixazoSubmitOutput> RunStepAsync(TaskActivityContext context, PixazoSubmitInput input)
    {
        var jobId = context.InstanceId;
        var claim = await claims.ClaimAsync(jobId, "pixazo-submission-" + input.Submission.ToString(System.Globalization.CultureInfo.InvariantCulture)).ConfigureAwait(false);
        if (claim.IsRecorded)
        {
            var output = claim.OutputAs<PixazoSubmitOutput>();
            if (output.Report is null)
            {
                return output;
            }

            LogReplayed(logger, jobId, input.Submission, output.Report.RequestId);
            return output with { Replayed = true };
        }

        if (claim.Lease is not { } lease)
        {
            LogInterrupted(logger, jobId, input.Submission);
            return new PixazoSubmitOutput(null, Failure: new StepFailure(
                JobErrorCodes.Interrupted,
                $"The host stopped while submission {input.Submission} was being sent to Pixazo; it is not sent again, so nothing is bought twice.",
                Retryable: false));
        }

        await using (lease.ConfigureAwait(false))
        {
            var output = await SubmitAsync(jobId, input).ConfigureAwait(false);
            if (output.Failure is { } failure && failure.Retryable && StepRetry.NothingBought(failure))
            {
                // The orchestration submits again: let that call through.
                await lease.GiveUpAsync().ConfigureAwait(false);
            }
            else
            {
                await lease.CompleteAsync(output).ConfigureAwait(false);
            }

            return output;
        }
    }

    private async Task<PixazoSubmitOutput> SubmitAsync(string jobId, PixazoSubmitInput input)
    {
        var webhookUrl = webhooks.UrlFor(jobId);
        PixazoRequestStatus answer;
        try
        {
            var typed = JobParamsBinder.Bind(input.Request.Provider, input.Request.Kind, input.Request.Params);
            var kind = ProviderRegistry.Of(input.Request) as IPixazoKind
                ?? throw new InvalidOperationException($"{input.Request.Provider} {input.Request.Kind} is not a Pixazo job.");
            answer = await kind.SubmitAsync(pixazo, typed, webhookUrl).ConfigureAwait(false);
        }
        catch (ProviderException ex)
        {
            LogFailed(logger, jobId, input.Submission, StepFailure.ErrorCode(ex.ErrorType), (int?)ex.Status);
            MediaGenTelemetry.RecordProviderError(JobRequestReader.ProviderText(ex.Provider), StepFailure.ErrorCode(ex.ErrorType));
            return new PixazoSubmitOutput(null, Failure: StepFailure.From(ex));
        }

        LogSubmitted(logger, jobId, input.Submission, answer.RequestId);
        return new PixazoSubmitOutput(PixazoStatusReport.From(answer));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: Pixazo submission {Submission} was cut off (the host stopped); not sent again")]
    private static partial void LogInterrupted(ILogger logger, string jobId, int submission);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId}: Pixazo submission {Submission} is request {RequestId}")]
    private static partial void LogSubmitted(ILogger logger, string jobId, int submission, string requestId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId}: Pixazo submission {Submission} was already made (request {RequestId}); nothing sent")]
    private static partial void LogReplayed(ILogger logger, string jobId, int submission, string requestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: Pixazo submission {Submission} failed ({ErrorType}, HTTP {Status})")]
    private static partial void LogFailed(ILogger logger, string jobId, int submission, string errorType, int? status);
}
