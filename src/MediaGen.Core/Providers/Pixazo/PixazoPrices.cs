namespace MediaGen.Core.Providers.Pixazo;

/// <summary>
/// Pixazo's documented prices in US dollars (seed <c>002_81d0f09fda19aa5c.txt</c>, Cosmos 3 Super text-to-image request
/// parameters). Image-to-video has no documented price: unknown.
/// </summary>
public static class PixazoPrices
{
    /// <summary><c>num_images</c>: "Each image is billed at $0.04."</summary>
    public const decimal PerImage = 0.04m;

    /// <summary><c>enable_prompt_expansion</c>: "Enabled prompts are billed at +$0.02 per request."</summary>
    public const decimal PromptExpansion = 0.02m;

    /// <summary>
    /// <c>enable_agentic_generation</c>: "Each candidate is billed separately." The document gives no other candidate price
    /// than the per-image one, so a candidate is priced as an image.
    /// </summary>
    public const decimal PerAgenticCandidate = PerImage;

    /// <summary>Default <c>agentic_max_iterations</c> (002: default 2).</summary>
    public const int DefaultAgenticIterations = 2;

    /// <summary>Default <c>agentic_samples_per_iteration</c> (002: default 2).</summary>
    public const int DefaultAgenticSamples = 2;

    /// <summary>
    /// Price of a text-to-image request delivering <paramref name="images"/> images: images × $0.04, + $0.02 with prompt
    /// expansion, + every agentic candidate at most (iterations × samples; early stop may buy fewer, which the status does not say).
    /// </summary>
    public static decimal TextToImage(int images, bool promptExpansion, bool agentic, int? iterations, int? samples) =>
        (images * PerImage)
        + (promptExpansion ? PromptExpansion : 0m)
        + (agentic ? (iterations ?? DefaultAgenticIterations) * (samples ?? DefaultAgenticSamples) * PerAgenticCandidate : 0m);
}
