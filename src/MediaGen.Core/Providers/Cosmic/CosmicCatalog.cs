namespace MediaGen.Core.Providers.Cosmic;

/// <summary>Cosmic AI's documented models, sizes, ratios, voices and defaults (the newest Cosmic document wins over older ones).</summary>
public static class CosmicCatalog
{
    /// <summary>Default text model when <c>model</c> is omitted.</summary>
    public const string DefaultTextModel = "claude-opus-4-8";

    /// <summary>Gemini 3.1 Flash Image: the default image model.</summary>
    public const string FlashImageModel = "gemini-3.1-flash-image-preview";

    /// <summary>Gemini 3 Pro Image.</summary>
    public const string ProImageModel = "gemini-3-pro-image-preview";

    /// <summary>DALL-E 3.</summary>
    public const string DallE3Model = "dall-e-3";

    /// <summary>Default image model when <c>model</c> is omitted.</summary>
    public const string DefaultImageModel = FlashImageModel;

    /// <summary>Default image size when <c>size</c> is omitted.</summary>
    public const string DefaultImageSize = "1024x1024";

    /// <summary>Veo 3.1 Fast: the default video and extension model.</summary>
    public const string FastVideoModel = "veo-3.1-fast-generate-preview";

    /// <summary>Veo 3.1 Standard.</summary>
    public const string StandardVideoModel = "veo-3.1-generate-preview";

    /// <summary>Default video duration in seconds.</summary>
    public const int DefaultVideoDuration = 8;

    /// <summary>Default video resolution.</summary>
    public const string DefaultVideoResolution = "720p";

    /// <summary>Most reference images a video takes (it becomes the first frame).</summary>
    public const int MaxVideoReferenceImages = 1;

    /// <summary>Default text-to-speech voice.</summary>
    public const string DefaultVoice = "nova";

    /// <summary>Default text-to-speech model.</summary>
    public const string DefaultAudioModel = "tts-1";

    /// <summary>Text models listed under Available Models (Claude, Gemini, GPT).</summary>
    public static IReadOnlyList<string> TextModels { get; } =
    [
        "claude-opus-4-8", "claude-opus-4-7", "claude-opus-4-6", "claude-opus-4-5-20251101", "claude-opus-4-1-20250805",
        "claude-opus-4-20250514", "claude-sonnet-4-5-20250929", "claude-sonnet-4-20250514", "claude-haiku-4-5-20251001",
        "gemini-3.1-pro-preview", "gemini-3-pro-preview",
        "gpt-5.2-codex", "gpt-5.2", "gpt-5", "gpt-5-mini", "gpt-5-nano", "gpt-4.1", "gpt-4o", "o1", "o3",
    ];

    /// <summary>Message roles of chat-style text requests.</summary>
    public static IReadOnlyList<string> MessageRoles { get; } = ["user", "assistant"];

    /// <summary>Image models.</summary>
    public static IReadOnlyList<string> ImageModels { get; } = [FlashImageModel, ProImageModel, DallE3Model];

    /// <summary>Image sizes per image model.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ImageSizes { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [FlashImageModel] = ["512x512", "1024x1024", "2048x2048", "4096x4096"],
        [ProImageModel] = ["1024x1024", "2048x2048", "4096x4096"],
        [DallE3Model] = ["1024x1024", "1792x1024", "1024x1792"],
    };

    /// <summary>Aspect ratios per Gemini image model (DALL-E 3 takes none).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> AspectRatios { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [FlashImageModel] = ["1:1", "1:4", "1:8", "2:3", "3:2", "3:4", "4:1", "4:3", "4:5", "5:4", "8:1", "9:16", "16:9", "21:9"],
        [ProImageModel] = ["1:1", "2:3", "3:2", "3:4", "4:3", "4:5", "5:4", "9:16", "16:9", "21:9"],
    };

    /// <summary>Most reference images per image model (DALL-E 3 takes none).</summary>
    public static IReadOnlyDictionary<string, int> MaxReferenceImages { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        [FlashImageModel] = 14,
        [ProImageModel] = 5,
        [DallE3Model] = 0,
    };

    /// <summary>Image qualities (DALL-E 3 only).</summary>
    public static IReadOnlyList<string> ImageQualities { get; } = ["standard", "hd"];

    /// <summary>Video and extension models.</summary>
    public static IReadOnlyList<string> VideoModels { get; } = [FastVideoModel, StandardVideoModel];

    /// <summary>Video durations in seconds.</summary>
    public static IReadOnlyList<int> VideoDurations { get; } = [4, 6, 8];

    /// <summary>Video resolutions.</summary>
    public static IReadOnlyList<string> VideoResolutions { get; } = ["720p", "1080p"];

    /// <summary>The nine text-to-speech voices.</summary>
    public static IReadOnlyList<string> Voices { get; } = ["nova", "shimmer", "coral", "sage", "alloy", "echo", "onyx", "fable", "ash"];

    /// <summary>Text-to-speech models.</summary>
    public static IReadOnlyList<string> AudioModels { get; } = ["tts-1", "tts-1-hd"];
}
