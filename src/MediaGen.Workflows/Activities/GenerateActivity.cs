using System.Diagnostics;
using System.Text;
using MediaGen.Core.Costs;
using MediaGen.Core.Jobs;
using MediaGen.Core.Media;
using MediaGen.Core.Providers;
using MediaGen.Core.Providers.Comet;
using MediaGen.Core.Providers.Cosmic;
using MediaGen.Core.Telemetry;
using MediaGen.Workflows.Generations;
using MediaGen.Workflows.Orchestrations;
using MediaGen.Workflows.Payloads;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaGen.Workflows.Activities;

/// <summary>
/// One call to a synchronous provider (Cosmic text, image, video, extension, audio; CometAPI image). Returns the media
/// to copy; stores right away what exists only in the response (generated text, CometAPI <c>b64_json</c>), under the
/// item's deterministic blob name so a re-run overwrites rather than duplicates. Provider failures are returned, not
/// thrown, so the orchestration decides about retries from the error taxonomy. Each job step buys at most once
/// (<see cref="GenerationLedger"/>): a re-run after a successful call returns the recorded output, and a re-run after a
/// host died during the call fails with <c>interrupted</c> instead of asking the provider again.
/// </summary>
public sealed partial class GenerateActivity(
    CosmicClient cosmic,
    CometClient comet,
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
                "interrupted",
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
        switch (typed)
        {
            case CosmicTextRequest text:
                return await TextAsync(jobId, input, text).ConfigureAwait(false);
            case CosmicImageRequest image:
                var picture = await cosmic.GenerateImageAsync(image).ConfigureAwait(false);
                return FromCosmic(input, picture.Media, picture.Usage, picture.RevisedPrompt, image.Model ?? CosmicCatalog.DefaultImageModel);
            case CosmicVideoRequest video:
                var clip = await cosmic.GenerateVideoAsync(video).ConfigureAwait(false);
                return FromCosmic(input, clip.Media, clip.Usage, null, video.Model ?? CosmicCatalog.FastVideoModel);
            case CosmicVideoExtensionRequest extend:
                var extension = await cosmic.ExtendVideoAsync(extend).ConfigureAwait(false);
                return FromCosmic(input, extension.Media, extension.Usage, null, extend.Model ?? CosmicCatalog.FastVideoModel);
            case CosmicAudioRequest audio:
                var speech = await cosmic.GenerateAudioAsync(audio).ConfigureAwait(false);
                return FromCosmic(input, speech.Media, speech.Usage, null, audio.Model ?? CosmicCatalog.DefaultAudioModel);
            case CometImageRequest images:
                return await CometAsync(jobId, input, images).ConfigureAwait(false);
            default:
                throw new InvalidOperationException($"{input.Request.Provider} {input.Request.Kind} is not generated synchronously.");
        }
    }

    private static GenerateOutput FromCosmic(GenerateInput input, CosmicMedia media, CosmicUsage? usage, string? revisedPrompt, string model) =>
        new(
            [new MediaToCopy(input.FirstItemIndex, media.Url, media.Type, media.Id, revisedPrompt, model)],
            [],
            Usage: Usage(usage),
            ProviderId: media.Id);

    private async Task<GenerateOutput> TextAsync(string jobId, GenerateInput input, CosmicTextRequest request)
    {
        var answer = await cosmic.GenerateTextAsync(request).ConfigureAwait(false);
        var bytes = Encoding.UTF8.GetBytes(answer.Text);
        using var content = new MemoryStream(bytes, writable: false);
        var stored = await media.UploadAsync(content, Target(jobId, input, input.FirstItemIndex, request.Model ?? CosmicCatalog.DefaultTextModel) with
        {
            ContentType = "text/plain",
        }).ConfigureAwait(false);
        var inline = bytes.Length <= options.Value.InlineTextMaxBytes ? answer.Text : null;
        return new GenerateOutput([], [Item(stored)], inline, Usage(answer.Usage));
    }

    private async Task<GenerateOutput> CometAsync(string jobId, GenerateInput input, CometImageRequest request)
    {
        await using var answer = await comet.CreateImagesAsync(request).ConfigureAwait(false);
        var toCopy = new List<MediaToCopy>();
        var stored = new List<JobResultItem>();
        for (var i = 0; i < answer.Data.Count; i++)
        {
            var image = answer.Data[i];
            var index = input.FirstItemIndex + i;
            if (image.Content is { } content)
            {
                // b64_json exists only in this response (spooled to a temp file): store it now.
                var item = await media.UploadAsync(content, Target(jobId, input, index, request.Model)).ConfigureAwait(false);
                stored.Add(Item(item) with { RevisedPrompt = image.RevisedPrompt });
            }
            else if (image.Url is { } url)
            {
                toCopy.Add(new MediaToCopy(index, url, null, null, image.RevisedPrompt, request.Model));
            }
        }

        return new GenerateOutput(toCopy, stored);
    }

    private static MediaTarget Target(string jobId, GenerateInput input, int index, string? model) =>
        new(jobId, index)
        {
            Provider = JobRequestReader.ProviderText(input.Request.Provider),
            Model = model,
            Kind = input.Request.Kind,
            Container = input.Request.Output?.Container,
            Folder = input.Request.Output?.Folder,
            Prefix = input.Request.Output?.Prefix,
        };

    private static JobResultItem Item(StoredMedia stored) =>
        new(stored.BlobUri, stored.ContentType, stored.Size, stored.Sha256);

    private static JobUsage? Usage(CosmicUsage? usage) =>
        usage is null ? null : new JobUsage(usage.InputTokens, usage.OutputTokens);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId}: step {Step} was generated before; its recorded output is returned and nothing is sent")]
    private static partial void LogReplayed(ILogger logger, string jobId, int step);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: step {Step} was cut off during its {Provider} call (the host stopped); not asked again")]
    private static partial void LogInterrupted(ILogger logger, string jobId, int step, ProviderName provider);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: {Provider} call failed ({ErrorType}, HTTP {Status})")]
    private static partial void LogProviderFailed(ILogger logger, string jobId, ProviderName provider, string errorType, int? status);
}
