namespace MediaGen.Core.Providers.Cosmic;

/// <summary>
/// Cosmic's documented token prices (seed <c>001_c9962281dfd7b5fb.txt</c>, "Pricing Overview": "Text Generation Pricing"
/// and "Media Generation Pricing"), in Cosmic tokens. <see langword="null"/> means the document does not price it.
/// </summary>
public static class CosmicTokenCosts
{
    // 001 "Text Generation Pricing" table; the document names models, these are their API ids from its model tables
    // (Claude Haiku 3, GPT-4.1 Nano, GPT-4o Mini, GPT-4.1 Mini, o1-mini, o3-mini, o4-mini, o3-pro: the ids the providers use).
    private static readonly Dictionary<string, decimal> TextMultipliers = new(StringComparer.Ordinal)
    {
        // Budget 1.0x
        ["gpt-5-nano"] = 1.0m, ["gpt-4.1-nano"] = 1.0m, ["gpt-4o-mini"] = 1.0m, ["gpt-5-mini"] = 1.0m, ["gpt-4.1-mini"] = 1.0m,
        ["claude-3-haiku-20240307"] = 1.0m, ["claude-haiku-4-5-20251001"] = 1.0m,
        // Standard 2.0x
        ["gpt-5"] = 2.0m, ["gpt-5.2"] = 2.0m, ["gpt-4.1"] = 2.0m, ["gpt-4o"] = 2.0m, ["o1-mini"] = 2.0m, ["o3"] = 2.0m, ["o3-mini"] = 2.0m,
        ["o4-mini"] = 2.0m, ["claude-sonnet-4-20250514"] = 2.0m, ["claude-sonnet-4-5-20250929"] = 2.0m, ["claude-opus-4-5-20251101"] = 2.0m,
        ["claude-opus-4-6"] = 2.0m, ["claude-opus-4-7"] = 2.0m, ["claude-opus-4-8"] = 2.0m, ["gemini-3-pro-preview"] = 2.0m,
        // Premium 4.0x
        ["claude-opus-4-20250514"] = 4.0m, ["claude-opus-4-1-20250805"] = 4.0m, ["o1"] = 4.0m, ["o3-pro"] = 4.0m,
    };

    /// <summary>The tier multiplier of a text model (1.0 budget, 2.0 standard, 4.0 premium; the default model when <paramref name="model"/> is null); <see langword="null"/> when the document does not price it.</summary>
    public static decimal? TextMultiplier(string? model) =>
        TextMultipliers.TryGetValue(model ?? CosmicCatalog.DefaultTextModel, out var multiplier) ? multiplier : null;

    /// <summary>Tokens deducted for a text generation that used <paramref name="actualTokens"/> tokens ("1,000 actual tokens = 2,000 deducted" at 2.0x).</summary>
    public static long? TextDeduction(string? model, long actualTokens) =>
        TextMultiplier(model) is { } multiplier ? (long)Math.Ceiling(actualTokens * multiplier) : null;

    /// <summary>
    /// Output tokens of one image (001 "Media Generation Pricing"): DALL-E 3 4,800; Gemini 1K/2K 32,160; Gemini 4K 57,600.
    /// DALL-E 3 <c>hd</c> "costs more" without a figure, and Gemini 512x512 is not listed: both unknown.
    /// </summary>
    public static long? Image(string? model, string? size, string? quality = null)
    {
        model ??= CosmicCatalog.DefaultImageModel;
        size ??= CosmicCatalog.DefaultImageSize;
        return model switch
        {
            CosmicCatalog.DallE3Model => quality is null or "standard" ? 4_800 : null,
            CosmicCatalog.FlashImageModel or CosmicCatalog.ProImageModel => size switch
            {
                "4096x4096" => 57_600,
                "1024x1024" or "2048x2048" => 32_160,
                _ => null,
            },
            _ => null,
        };
    }

    /// <summary>Output tokens of a video (001 "Media Generation Pricing"): Veo Fast 144,000/216,000/288,000, Standard 384,000/576,000/768,000 for 4/6/8 s.</summary>
    public static long? Video(string? model, int? duration)
    {
        var seconds = duration ?? CosmicCatalog.DefaultVideoDuration;
        long? perSecond = (model ?? CosmicCatalog.FastVideoModel) switch
        {
            CosmicCatalog.FastVideoModel => 36_000,
            CosmicCatalog.StandardVideoModel => 96_000,
            _ => null,
        };
        return perSecond is { } rate && CosmicCatalog.VideoDurations.Contains(seconds) ? rate * seconds : null;
    }

    /// <summary>Output tokens of an extension (001 "Media Generation Pricing"): Veo Fast Extension 288,000, Veo Standard Extension 768,000.</summary>
    public static long? VideoExtension(string? model) => (model ?? CosmicCatalog.FastVideoModel) switch
    {
        CosmicCatalog.FastVideoModel => 288_000,
        CosmicCatalog.StandardVideoModel => 768_000,
        _ => null,
    };

    /// <summary>Output tokens of speech (001 "Media Generation Pricing"): 3,600 (TTS) or 7,200 (TTS HD) per 1K characters, counted per started 1,000.</summary>
    public static long? Audio(string? model, int characters)
    {
        long? perThousand = (model ?? CosmicCatalog.DefaultAudioModel) switch
        {
            "tts-1" => 3_600,
            "tts-1-hd" => 7_200,
            _ => null,
        };
        return perThousand is { } rate ? rate * Math.Max(1, (characters + 999) / 1000) : null;
    }
}
