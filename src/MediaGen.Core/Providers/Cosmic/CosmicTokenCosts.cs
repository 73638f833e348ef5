namespace MediaGen.Core.Providers.Cosmic;

/// <summary>Cosmic's documented token pricing, for estimating a job's cost before it runs. <see langword="null"/> means undocumented.</summary>
public static class CosmicTokenCosts
{
    private static readonly Dictionary<string, double> TextMultipliers = new(StringComparer.Ordinal)
    {
        // Budget 1.0x
        ["gpt-5-nano"] = 1.0, ["gpt-4.1-nano"] = 1.0, ["gpt-4o-mini"] = 1.0, ["gpt-5-mini"] = 1.0, ["gpt-4.1-mini"] = 1.0,
        ["claude-3-haiku-20240307"] = 1.0, ["claude-haiku-4-5-20251001"] = 1.0,
        // Standard 2.0x
        ["gpt-5"] = 2.0, ["gpt-5.2"] = 2.0, ["gpt-4.1"] = 2.0, ["gpt-4o"] = 2.0, ["o1-mini"] = 2.0, ["o3"] = 2.0, ["o3-mini"] = 2.0,
        ["o4-mini"] = 2.0, ["claude-sonnet-4-20250514"] = 2.0, ["claude-sonnet-4-5-20250929"] = 2.0, ["claude-opus-4-5-20251101"] = 2.0,
        ["claude-opus-4-6"] = 2.0, ["claude-opus-4-7"] = 2.0, ["claude-opus-4-8"] = 2.0, ["gemini-3-pro-preview"] = 2.0,
        // Premium 4.0x
        ["claude-opus-4-20250514"] = 4.0, ["claude-opus-4-1-20250805"] = 4.0, ["o1"] = 4.0, ["o3-pro"] = 4.0,
    };

    /// <summary>The tier multiplier of a text model (1.0 budget, 2.0 standard, 4.0 premium; the default model when <paramref name="model"/> is null); <see langword="null"/> when the document does not price it.</summary>
    public static double? TextMultiplier(string? model) =>
        TextMultipliers.TryGetValue(model ?? CosmicCatalog.DefaultTextModel, out var multiplier) ? multiplier : null;

    /// <summary>Tokens deducted for a text generation that used <paramref name="actualTokens"/> tokens.</summary>
    public static long? TextDeduction(string? model, long actualTokens) =>
        TextMultiplier(model) is { } multiplier ? (long)Math.Ceiling(actualTokens * multiplier) : null;

    /// <summary>Output tokens of one image: DALL-E 3 4,800; Gemini 1K/2K 32,160; Gemini 4K 57,600.</summary>
    public static long? Image(string? model, string? size)
    {
        model ??= CosmicCatalog.DefaultImageModel;
        size ??= CosmicCatalog.DefaultImageSize;
        return model switch
        {
            CosmicCatalog.DallE3Model => 4_800,
            CosmicCatalog.FlashImageModel or CosmicCatalog.ProImageModel => size switch
            {
                "4096x4096" => 57_600,
                "1024x1024" or "2048x2048" => 32_160,
                _ => null, // 512x512 is not priced in the document.
            },
            _ => null,
        };
    }

    /// <summary>Output tokens of a video: Veo Fast 144,000/216,000/288,000, Standard 384,000/576,000/768,000 for 4/6/8 s.</summary>
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

    /// <summary>Output tokens of an 8-second extension: Fast 288,000, Standard 768,000.</summary>
    public static long? VideoExtension(string? model) => Video(model, 8);

    /// <summary>Output tokens of speech: 3,600 (tts-1) or 7,200 (tts-1-hd) per started 1,000 characters.</summary>
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
