namespace MediaGen.Simulator.Cosmic;

/// <summary>Models, sizes, voices and token costs from the Cosmic AI document (<c>001_…</c>, the newest).</summary>
internal static class CosmicCatalog
{
    public const string DefaultTextModel = "claude-opus-4-8";
    public const string FlashImage = "gemini-3.1-flash-image-preview";
    public const string ProImage = "gemini-3-pro-image-preview";
    public const string DallE3 = "dall-e-3";
    public const string VeoFast = "veo-3.1-fast-generate-preview";
    public const string VeoStandard = "veo-3.1-generate-preview";
    public const string Tts = "tts-1";
    public const string TtsHd = "tts-1-hd";

    public static readonly string[] TextModels =
    [
        "claude-opus-4-8", "claude-opus-4-7", "claude-opus-4-6", "claude-opus-4-5-20251101",
        "claude-opus-4-1-20250805", "claude-opus-4-20250514", "claude-sonnet-4-5-20250929",
        "claude-sonnet-4-20250514", "claude-haiku-4-5-20251001",
        "gemini-3.1-pro-preview", "gemini-3-pro-preview",
        "gpt-5.2-codex", "gpt-5.2", "gpt-5", "gpt-5-mini", "gpt-5-nano", "gpt-4.1", "gpt-4o", "o1", "o3",
    ];

    public static readonly string[] ImageModels = [FlashImage, ProImage, DallE3];

    public static readonly string[] Qualities = ["standard", "hd"];

    public static readonly string[] VideoModels = [VeoFast, VeoStandard];

    public static readonly long[] VideoDurations = [4, 6, 8];

    public static readonly string[] VideoResolutions = ["720p", "1080p"];

    public static readonly string[] Voices = ["nova", "shimmer", "coral", "sage", "alloy", "echo", "onyx", "fable", "ash"];

    public static readonly string[] AudioModels = [Tts, TtsHd];

    public static readonly string[] Roles = ["user", "assistant"];

    public static string[] SizesOf(string model) => model switch
    {
        FlashImage => ["512x512", "1024x1024", "2048x2048", "4096x4096"],
        ProImage => ["1024x1024", "2048x2048", "4096x4096"],
        _ => ["1024x1024", "1792x1024", "1024x1792"],
    };

    public static string[] AspectRatiosOf(string model) => model switch
    {
        FlashImage => ["1:1", "1:4", "1:8", "2:3", "3:2", "3:4", "4:1", "4:3", "4:5", "5:4", "8:1", "9:16", "16:9", "21:9"],
        ProImage => ["1:1", "2:3", "3:2", "3:4", "4:3", "4:5", "5:4", "9:16", "16:9", "21:9"],
        _ => [],
    };

    /// <summary>Flash Image takes up to 14 reference images, Pro Image 5, DALL-E 3 none.</summary>
    public static int MaxReferenceImages(string model) => model switch
    {
        FlashImage => 14,
        ProImage => 5,
        _ => 0,
    };

    /// <summary>Output tokens billed for an image (pricing table).</summary>
    public static int ImageCost(string model, string size) =>
        model == DallE3 ? 4_800 : size == "4096x4096" ? 57_600 : 32_160;

    /// <summary>Tokens billed for a video of <paramref name="seconds"/> (pricing table; extensions cost as 8 s).</summary>
    public static int VideoCost(string model, long seconds) =>
        (model == VeoStandard ? 96_000 : 36_000) * (int)seconds;

    /// <summary>Output tokens billed for speech: per started 1,000 characters.</summary>
    public static int AudioCost(string model, int characters) =>
        (model == TtsHd ? 7_200 : 3_600) * Math.Max(1, (characters + 999) / 1000);
}
