using System.Text;
using MediaGen.Core.Jobs;
using MediaGen.Core.Providers;
using MediaGen.Core.Providers.Comet;
using MediaGen.Core.Providers.Cosmic;
using MediaGen.Core.Providers.Pixazo;

namespace MediaGen.Core.Costs;

/// <summary>
/// Turns a job's parameters into its cost estimate (before any provider call) and a provider's answer into its actual
/// cost, from the one set of price tables: <see cref="CosmicTokenCosts"/>, <see cref="PixazoPrices"/> and the configured
/// CometAPI prices (<see cref="CostOptions"/>). Unknown stays unknown.
/// </summary>
public static class JobCosts
{
    /// <summary>Actual cost read from the provider's <c>usage</c> report.</summary>
    public const string FromUsage = "usage";

    /// <summary>Actual cost computed from documented fixed prices.</summary>
    public const string FromPriceTable = "price_table";

    /// <summary>The unit a provider's costs are counted in.</summary>
    public static string UnitOf(ProviderName provider) => provider == ProviderName.Cosmic ? CostUnits.Tokens : CostUnits.Usd;

    /// <summary>
    /// The estimate of a validated job: the most it should cost. Cosmic text: (UTF-8 bytes of the prompt or messages, an
    /// upper bound of its tokens, + <c>max_tokens</c>) × the model's tier multiplier — unknown without <c>max_tokens</c>
    /// or with a <c>media_url</c> (the file's tokens cannot be known). Media: the documented fixed cost. Pixazo images:
    /// <see cref="PixazoPrices.TextToImage"/> with every agentic candidate. CometAPI: images × the configured price.
    /// </summary>
    public static JobCost Estimate(JobRequest request, CostOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var typed = JobParamsBinder.Bind(request.Provider, request.Kind, request.Params);
        decimal? estimate = typed switch
        {
            CosmicTextRequest text => TextEstimate(text),
            CosmicImageRequest image => CosmicTokenCosts.Image(image.Model, image.Size, image.Quality),
            CosmicVideoRequest video => CosmicTokenCosts.Video(video.Model, video.Duration),
            CosmicVideoExtensionRequest extension => CosmicTokenCosts.VideoExtension(extension.Model),
            CosmicAudioRequest audio => CosmicTokenCosts.Audio(audio.Model, audio.Prompt.Length),
            PixazoTextToImageRequest image => PixazoPrices.TextToImage(
                image.NumImages ?? 1, image.EnablePromptExpansion ?? false, image.EnableAgenticGeneration ?? false,
                image.AgenticMaxIterations, image.AgenticSamplesPerIteration),
            CometImageRequest images => CometPrice(images.Model, options) is { } price ? price * (images.N ?? 1) : null,
            _ => null,
        };
        return new JobCost(UnitOf(request.Provider), estimate);
    }

    /// <summary>
    /// The estimate of a Cosmic text generation (a job's or the text stream's), as <see cref="Estimate"/> makes it: unknown
    /// without <c>max_tokens</c>, with a <c>media_url</c>, or for an unpriced model.
    /// </summary>
    public static JobCost EstimateText(CosmicTextRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new JobCost(CostUnits.Tokens, TextEstimate(request));
    }

    /// <summary>
    /// The actual cost of a synchronous call that succeeded: Cosmic's reported usage (text: its tokens × the tier
    /// multiplier; media: the reported total, billed as output tokens), else the documented fixed cost; CometAPI: the
    /// images it returned × the configured price.
    /// </summary>
    /// <param name="estimate">The job's estimate (its unit and fixed cost).</param>
    /// <param name="request">The job request.</param>
    /// <param name="usage">What the provider reported, if anything.</param>
    /// <param name="images">Images delivered (CometAPI).</param>
    /// <param name="options">The configured prices.</param>
    public static JobCost Actual(JobCost estimate, JobRequest request, JobUsage? usage, int images, CostOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Provider == ProviderName.Cosmic)
        {
            if (usage is { InputTokens: var input, OutputTokens: var output } && (input is not null || output is not null))
            {
                var tokens = (input ?? 0) + (output ?? 0);
                if (request.Kind != JobKind.Text)
                {
                    return estimate with { Actual = tokens, Source = FromUsage };
                }

                var model = JobParamsBinder.Bind(request.Provider, request.Kind, request.Params) is CosmicTextRequest text ? text.Model : null;
                return CosmicTokenCosts.TextDeduction(model, tokens) is { } deducted ? estimate with { Actual = deducted, Source = FromUsage } : estimate;
            }

            return request.Kind == JobKind.Text || estimate.Estimate is null ? estimate : estimate with { Actual = estimate.Estimate, Source = FromPriceTable };
        }

        if (request.Provider == ProviderName.Comet && JobParamsBinder.Bind(request.Provider, request.Kind, request.Params) is CometImageRequest comet)
        {
            return CometPrice(comet.Model, options) is { } price ? estimate with { Actual = price * images, Source = FromPriceTable } : estimate;
        }

        return estimate;
    }

    /// <summary>The actual cost of a completed Pixazo request that delivered <paramref name="images"/> items (documented prices; image-to-video is unpriced).</summary>
    public static JobCost PixazoActual(JobCost estimate, JobRequest request, int images)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        ArgumentNullException.ThrowIfNull(request);
        return JobParamsBinder.Bind(request.Provider, request.Kind, request.Params) is PixazoTextToImageRequest image
            ? estimate with
            {
                Actual = PixazoPrices.TextToImage(images, image.EnablePromptExpansion ?? false, image.EnableAgenticGeneration ?? false,
                    image.AgenticMaxIterations, image.AgenticSamplesPerIteration),
                Source = FromPriceTable,
            }
            : estimate;
    }

    /// <summary>Sums costs per unit (batch totals).</summary>
    public static IReadOnlyList<CostTotal> Totals(IEnumerable<JobCost?> costs)
    {
        ArgumentNullException.ThrowIfNull(costs);
        return [.. costs.OfType<JobCost>()
            .GroupBy(c => c.Unit, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CostTotal(g.Key, g.Sum(c => c.Estimate ?? 0m), g.Sum(c => c.Actual ?? 0m), g.Count(), g.Count(c => c.Estimate is null)))];
    }

    private static decimal? TextEstimate(CosmicTextRequest text)
    {
        if (text.MaxTokens is not { } maxTokens || text.MediaUrl is not null || CosmicTokenCosts.TextMultiplier(text.Model) is not { } multiplier)
        {
            return null;
        }

        // A byte-level tokenizer makes at most one token per UTF-8 byte: the bytes bound the input tokens from above.
        long inputBound = text.Prompt is { } prompt ? Encoding.UTF8.GetByteCount(prompt) : 0;
        foreach (var message in text.Messages ?? [])
        {
            inputBound += Encoding.UTF8.GetByteCount(message.Content);
        }

        return Math.Ceiling((inputBound + maxTokens) * multiplier);
    }

    private static decimal? CometPrice(string model, CostOptions? options) =>
        options is not null && options.CometPrices().TryGetValue(model, out var price) ? price : null;
}
