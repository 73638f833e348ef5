namespace MediaGen.Workflows.Activities;

/// <summary>
/// Reads a Pixazo request's status from the configured gateway. Failures are returned, not thrown. When the input carries a
/// copy plan and the status read is COMPLETED, every media URL of that answer is copied into Blob Storage here, as
/// <see cref="CopyMediaActivity"/> would (deterministic names, so running it again overwrites): the poll that confirms
/// a job's media also stores it, one activity round trip instead of two. Copy failures are returned per item.
/// </summary>
public sealed class PixazoPollActivity(PixazoClient pixazo, MediaStore media) : TaskActivity<PixazoPollInput, PixazoPollOutput>
{
    /// <inheritdoc />
    public override async Task<PixazoPollOutput> RunAsync(TaskActivityContext context, PixazoPollInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(input.RequestId, nameof(input));
        using var span = StepSpans.Start(nameof(PixazoPollActivity), context, input.Trace, ProviderName.Pixazo);
        span?.SetTag(MediaGenTelemetry.ProviderRequestIdTag, input.RequestId);
        try
        {
            var report = PixazoStatusReport.From(await pixazo.GetStatusAsync(input.RequestId).ConfigureAwait(false));
            span?.SetTag("mediagen.provider.status", report.Status.ToString().ToUpperInvariant());
            return new PixazoPollOutput(report, Copies: await CopyAsync(context, input, report).ConfigureAwait(false));
        }
        catch (ProviderException ex)
        {
            var failure = StepFailure.From(ex);
            MediaGenTelemetry.RecordProviderError(JobRequestReader.ProviderText(ex.Provider), failure.Type);
            StepSpans.Fail(span, failure);
            return new PixazoPollOutput(null, failure);
        }
    }

    private async Task<IReadOnlyList<CopyOutput>?> CopyAsync(TaskActivityContext context, PixazoPollInput input, PixazoStatusReport report)
    {
        if (input.CopyWhenCompleted is not { } plan || report.Status != PixazoStatus.Completed || report.MediaUrls.Count == 0)
        {
            return null;
        }

        return await CopyMediaActivity.CopyAllAsync(media, context, report.MediaUrls.Select((url, i) => new CopyInput(
            new MediaToCopy(i, url, report.MediaType, report.RequestId, null, plan.Model), plan.Output, plan.Provider, CopyMediaActivity.FirstAttempt(input.Trace), plan.Kind))).ConfigureAwait(false);
    }
}
