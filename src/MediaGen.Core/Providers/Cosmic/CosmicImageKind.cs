namespace MediaGen.Core.Providers.Cosmic;

/// <summary>Cosmic images: one image per call, stored in Cosmic's media library and copied from there.</summary>
public sealed class CosmicImageKind() : CosmicKind<CosmicImageRequest>(JobKind.Image, new CosmicImageRequestValidator())
{
    /// <summary><c>aspect_ratio</c>, else the ratio of a <c>size</c>.</summary>
    public override string? AspectRatioOf(JsonElement parameters) =>
        FailoverMapping.StringParam(parameters, "aspect_ratio")
        ?? (FailoverMapping.StringParam(parameters, "size") is { } size ? FailoverMapping.RatioOfSize(size) : null);

    /// <summary><c>aspect_ratio</c> unless square (the default).</summary>
    public override void WriteAspectRatio(JsonObject parameters, string? ratio)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (ratio is not null && ratio != "1:1")
        {
            parameters["aspect_ratio"] = ratio;
        }
    }

    /// <inheritdoc />
    protected override decimal? Estimate(CosmicImageRequest request, CostOptions? options) =>
        CosmicTokenCosts.Image(request.Model, request.Size, request.Quality);

    /// <inheritdoc />
    protected override async Task<Generation> GenerateAsync(CosmicClient cosmic, CosmicImageRequest request, GenerationContext context)
    {
        ArgumentNullException.ThrowIfNull(cosmic);
        ArgumentNullException.ThrowIfNull(request);
        var picture = await cosmic.GenerateImageAsync(request).ConfigureAwait(false);
        return FromMedia(context, picture.Media, picture.Usage, picture.RevisedPrompt, request.Model ?? CosmicCatalog.DefaultImageModel);
    }
}
