namespace MediaGen.Core.Providers.Cosmic;

/// <summary>Cosmic text-to-speech.</summary>
public sealed class CosmicAudioKind() : CosmicKind<CosmicAudioRequest>(JobKind.Audio, new CosmicAudioRequestValidator())
{
    /// <inheritdoc />
    protected override decimal? Estimate(CosmicAudioRequest request, CostOptions? options) => CosmicTokenCosts.Audio(request.Model, request.Prompt.Length);

    /// <inheritdoc />
    protected override async Task<Generation> GenerateAsync(CosmicClient cosmic, CosmicAudioRequest request, GenerationContext context)
    {
        ArgumentNullException.ThrowIfNull(cosmic);
        ArgumentNullException.ThrowIfNull(request);
        var speech = await cosmic.GenerateAudioAsync(request).ConfigureAwait(false);
        return FromMedia(context, speech.Media, speech.Usage, null, request.Model ?? CosmicCatalog.DefaultAudioModel);
    }
}
