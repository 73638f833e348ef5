namespace MediaGen.Core.Providers.Pixazo;

/// <summary>Pixazo Cosmos 3 Super image-to-video: submitted, then delivered by webhook or polling; its price is not documented.</summary>
public sealed class PixazoVideoKind() : PixazoKind<PixazoImageToVideoRequest>(JobKind.Video, new PixazoImageToVideoRequestValidator(), PixazoCatalog.ImageToVideoModel)
{
    /// <summary>Unknown: no documented price.</summary>
    protected override decimal? Estimate(PixazoImageToVideoRequest request, CostOptions? options) => null;

    /// <summary>Unknown: no documented price.</summary>
    protected override JobCost Actual(JobCost estimate, PixazoImageToVideoRequest request, JobUsage? usage, int items, CostOptions? options) => estimate;

    /// <inheritdoc />
    protected override Task<PixazoRequestStatus> SubmitAsync(PixazoClient pixazo, PixazoImageToVideoRequest request, string? webhookUrl)
    {
        ArgumentNullException.ThrowIfNull(pixazo);
        return pixazo.SubmitImageToVideoAsync(request with { WebhookUrl = webhookUrl });
    }
}
