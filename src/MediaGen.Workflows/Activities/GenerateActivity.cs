using MediaGen.Workflows.Generations;
using Microsoft.Extensions.Logging;

namespace MediaGen.Workflows.Activities;

/// <summary>
/// One call to a synchronous provider: the kind's own generate call (<see cref="ProviderKind.GenerateAsync"/>), which
/// returns the media to copy and stores right away what exists only in the response (generated text, CometAPI
/// <c>b64_json</c>), under the item's deterministic blob name so a re-run overwrites rather than duplicates. Provider failures are returned, not
/// thrown, so the orchestration decides about retries from the error taxonomy. Each job step buys at most once
/// (<see cref="GenerationLedger"/>): a re-run after a successful call returns the recorded output, and a re-run after a
/// host died during the call fails with <c>interrupted</c> instead of asking the provider again. When the input asks for
/// it, the media to copy are then copied here as <see cref="CopyMediaActivity"/> would (deterministic names, so a re-run
/// overwrites): one activity round trip instead of two.
/// </summary>
public sealed partial class GenerateActivity(
    IServiceProvider services,
    MediaStore media,
    GenerationLedger ledger,
    IOptions<WorkflowOptions> options,
    IOptions<CostOptions> costs,
    ILogger<GenerateActivity> logger) : TaskActivity<GenerateInput, GenerateOutput>
{
    /// <inheritdoc />
    public override async Task<GenerateOutput> RunAsync(TaskActivityContext context, GenerateInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var request = input.Request;
        using var span = StepSpans.Start(nameof(GenerateActivity), context, input.Trace, request.Provider, request.Kind);
        var output = await RunStepAsync(context, input).ConfigureAwait(false);
        if (input.CopyMedia && output.Failure is null && output.Media.Count > 0)
        {
            // After the step's record: the copies are not part of it, so a re-run (which returns the record) copies again.
            var provider = JobRequestReader.ProviderText(request.Provider);
            output = output with
            {
                Copies = await CopyMediaActivity.CopyAllAsync(
                    media, context, output.Media.Select(m => new CopyInput(m, request.Output, provider, CopyMediaActivity.FirstAttempt(input.Trace), request.Kind))).ConfigureAwait(false),
            };
        }

        StepSpans.Fail(span, output.Failure);
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag(MediaGenTelemetry.ModelTag, output.Media.Select(m => m.Model).FirstOrDefault(m => m is not null));
            span.SetTag(MediaGenTelemetry.ProviderRequestIdTag, output.ProviderId);
        }

        return output;
    }

    private async Task<GenerateOutput> RunStepAsync(TaskActivityContext context, GenerateInput input)
    {
        var request = input.Request;
        var typed = JobParamsBinder.Bind(request.Provider, request.Kind, request.Params);
        var jobId = context.InstanceId;
        var claim = await ledger.ClaimAsync(jobId, StepName(input.FirstItemIndex)).ConfigureAwait(false);
        if (claim.IsRecorded)
        {
            LogReplayed(logger, jobId, input.FirstItemIndex);
            return claim.OutputAs<GenerateOutput>();
        }

        if (claim.Lease is not { } lease)
        {
            LogInterrupted(logger, jobId, input.FirstItemIndex, request.Provider);
            return GenerateOutput.Failed(new StepFailure(
                JobErrorCodes.Interrupted,
                $"The host stopped while {JobRequestReader.ProviderText(request.Provider)} was generating this step; it is not asked again, so nothing is bought twice.",
                Retryable: false));
        }

        await using (lease.ConfigureAwait(false))
        {
            GenerateOutput output;
            var started = Stopwatch.GetTimestamp();
            try
            {
                output = await CallAsync(jobId, input, typed).ConfigureAwait(false);
                RecordDuration(request, Stopwatch.GetElapsedTime(started));
                output = output with { Cost = ActualCost(request, output) };
            }
            catch (ProviderException ex)
            {
                LogProviderFailed(logger, jobId, ex.Provider, StepFailure.ErrorCode(ex.ErrorType), (int?)ex.Status);
                MediaGenTelemetry.RecordProviderError(JobRequestReader.ProviderText(ex.Provider), StepFailure.ErrorCode(ex.ErrorType));
                output = GenerateOutput.Failed(StepFailure.From(ex));
            }
            catch (MediaCopyException ex)
            {
                output = GenerateOutput.Failed(StepFailure.From(ex));
            }

            if (output.Failure is { } failure && StepRetry.ShouldRetryProvider(request, failure))
            {
                // The orchestration calls the step again: let that call through.
                await lease.GiveUpAsync().ConfigureAwait(false);
            }
            else
            {
                // Final for this step (a success, or a failure the orchestration does not retry): a re-run returns it.
                await lease.CompleteAsync(output).ConfigureAwait(false);
            }

            return output;
        }
    }

    private static void RecordDuration(JobRequest request, TimeSpan elapsed)
    {
        if (MediaGenTelemetry.GenerationDuration.Enabled)
        {
            MediaGenTelemetry.GenerationDuration.Record(
                elapsed.TotalSeconds,
                new KeyValuePair<string, object?>(MediaGenTelemetry.ProviderMetricTag, JobRequestReader.ProviderText(request.Provider)),
                new KeyValuePair<string, object?>(MediaGenTelemetry.KindMetricTag, JobRequestReader.KindText(request.Kind)));
        }
    }

    /// <summary>This call's estimate and actual cost (<see cref="JobCosts"/>).</summary>
    private JobCost ActualCost(JobRequest request, GenerateOutput output) =>
        JobCosts.Actual(JobCosts.Estimate(request, costs.Value), request, output.Usage, output.Media.Count + output.Stored.Count, costs.Value);

    private static string StepName(int firstItemIndex) => "step-" + firstItemIndex.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<GenerateOutput> CallAsync(string jobId, GenerateInput input, object typed)
    {
        var context = new GenerationContext(services, media, jobId, input.Request, input.FirstItemIndex, options.Value.InlineTextMaxBytes);
        var generation = await ProviderRegistry.Of(input.Request).GenerateAsync(typed, context).ConfigureAwait(false);
        return new GenerateOutput(
            [.. generation.ToCopy.Select(m => new MediaToCopy(m.ItemIndex, m.Source, m.ContentType, m.ProviderId, m.RevisedPrompt, m.Model))],
            generation.Stored,
            generation.Text,
            generation.Usage,
            generation.ProviderId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId}: step {Step} was generated before; its recorded output is returned and nothing is sent")]
    private static partial void LogReplayed(ILogger logger, string jobId, int step);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: step {Step} was cut off during its {Provider} call (the host stopped); not asked again")]
    private static partial void LogInterrupted(ILogger logger, string jobId, int step, ProviderName provider);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: {Provider} call failed ({ErrorType}, HTTP {Status})")]
    private static partial void LogProviderFailed(ILogger logger, string jobId, ProviderName provider, string errorType, int? status);
}
