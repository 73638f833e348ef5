namespace MediaGen.Workflows.Activities;

/// <summary>
/// Copies one generated item (a provider URL or a <c>data:</c> URI) into Blob Storage under its deterministic name,
/// so a retry re-copies only this item and overwrites rather than duplicates. Copy failures are returned, not thrown;
/// <see cref="StepFailure.Retryable"/> says whether running it again may help.
/// </summary>
public sealed class CopyMediaActivity(MediaStore media) : TaskActivity<CopyInput, CopyOutput>
{
    /// <inheritdoc />
    public override Task<CopyOutput> RunAsync(TaskActivityContext context, CopyInput input) => CopyItemAsync(media, context, input);

    /// <summary>
    /// Copies <paramref name="input"/>'s item for <paramref name="context"/>'s instance (its span included): what this
    /// activity does, also done by <see cref="PixazoPollActivity"/> when its poll confirms COMPLETED.
    /// </summary>
    internal static async Task<CopyOutput> CopyItemAsync(MediaStore media, TaskActivityContext context, CopyInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var item = input.Item;
        using var span = StepSpans.Start(nameof(CopyMediaActivity), context, input.Trace);
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag(MediaGenTelemetry.ProviderTag, input.Provider);
            span.SetTag(MediaGenTelemetry.ModelTag, item.Model);
            span.SetTag(MediaGenTelemetry.ProviderRequestIdTag, item.ProviderId);
            span.SetTag("mediagen.item.index", item.ItemIndex);
        }

        var output = await CopyAsync(media, context, input).ConfigureAwait(false);
        StepSpans.Fail(span, output.Failure);
        span?.SetTag(MediaGenTelemetry.BytesTag, output.Item?.Size);
        return output;
    }

    /// <summary>The trace of a copy made inside another activity: the job's trace context, the copy's first attempt.</summary>
    internal static StepTrace? FirstAttempt(StepTrace? trace) => trace is null ? null : trace with { Attempt = 1 };

    /// <summary>Copies every item of <paramref name="inputs"/> at once, as <see cref="CopyItemAsync"/>; the outputs in input order.</summary>
    internal static async Task<IReadOnlyList<CopyOutput>> CopyAllAsync(MediaStore media, TaskActivityContext context, IEnumerable<CopyInput> inputs) =>
        await Task.WhenAll(inputs.Select(input => CopyItemAsync(media, context, input))).ConfigureAwait(false);

    private static async Task<CopyOutput> CopyAsync(MediaStore media, TaskActivityContext context, CopyInput input)
    {
        var item = input.Item;
        var target = new MediaTarget(context.InstanceId, item.ItemIndex)
        {
            Provider = input.Provider,
            Model = item.Model,
            Kind = input.Kind,
            Container = input.Output?.Container,
            Folder = input.Output?.Folder,
            Prefix = input.Output?.Prefix,
            ContentType = item.ContentType,
        };
        try
        {
            var stored = item.Source.StartsWith("data:", StringComparison.OrdinalIgnoreCase)
                ? await media.CopyInlineAsync(item.Source, target).ConfigureAwait(false)
                : await media.CopyFromUrlAsync(new Uri(item.Source, UriKind.Absolute), target).ConfigureAwait(false);
            return new CopyOutput(new JobResultItem(stored.BlobUri, stored.ContentType, stored.Size, stored.Sha256, item.ProviderId, item.RevisedPrompt));
        }
        catch (MediaCopyException ex)
        {
            return new CopyOutput(null, StepFailure.From(ex));
        }
        catch (UriFormatException)
        {
            return new CopyOutput(null, new StepFailure(JobErrorCodes.MalformedResponse, "The provider returned a media URL that is not an absolute URL.", Retryable: false));
        }
    }
}
