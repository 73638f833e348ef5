namespace MediaGen.Core.Providers.Cosmic;

/// <summary>Cosmic video extension (8 s more of a video in its library): expensive, like video.</summary>
public sealed class CosmicVideoExtensionKind() : CosmicKind<CosmicVideoExtensionRequest>(JobKind.VideoExtension, new CosmicVideoExtensionRequestValidator(), RetryClass.OnlyWhenNothingBought)
{
    /// <inheritdoc />
    protected override decimal? Estimate(CosmicVideoExtensionRequest request, CostOptions? options) => CosmicTokenCosts.VideoExtension(request.Model);

    /// <inheritdoc />
    protected override async Task<Generation> GenerateAsync(CosmicClient cosmic, CosmicVideoExtensionRequest request, GenerationContext context)
    {
        ArgumentNullException.ThrowIfNull(cosmic);
        ArgumentNullException.ThrowIfNull(request);
        var extension = await cosmic.ExtendVideoAsync(request).ConfigureAwait(false);
        return FromMedia(context, extension.Media, extension.Usage, null, request.Model ?? CosmicCatalog.FastVideoModel);
    }
}
