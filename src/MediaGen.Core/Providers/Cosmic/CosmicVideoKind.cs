namespace MediaGen.Core.Providers.Cosmic;

/// <summary>Cosmic video (text- or image-to-video): an expensive call, retried only when the failure proves nothing was bought.</summary>
public sealed class CosmicVideoKind() : CosmicKind<CosmicVideoRequest>(JobKind.Video, new CosmicVideoRequestValidator(), RetryClass.OnlyWhenNothingBought)
{
    /// <inheritdoc />
    protected override decimal? Estimate(CosmicVideoRequest request, CostOptions? options) => CosmicTokenCosts.Video(request.Model, request.Duration);

    /// <inheritdoc />
    protected override async Task<Generation> GenerateAsync(CosmicClient cosmic, CosmicVideoRequest request, GenerationContext context)
    {
        ArgumentNullException.ThrowIfNull(cosmic);
        ArgumentNullException.ThrowIfNull(request);
        var clip = await cosmic.GenerateVideoAsync(request).ConfigureAwait(false);
        return FromMedia(context, clip.Media, clip.Usage, null, request.Model ?? CosmicCatalog.FastVideoModel);
    }
}
