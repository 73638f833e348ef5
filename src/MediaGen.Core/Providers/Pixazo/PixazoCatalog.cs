namespace MediaGen.Core.Providers.Pixazo;

/// <summary>Pixazo Cosmos 3 Super's documented paths, presets, ranges and defaults.</summary>
public static class PixazoCatalog
{
    /// <summary>Model id of text-to-image.</summary>
    public const string TextToImageModel = "cosmos-3-super-text-to-image";

    /// <summary>Model id of image-to-video.</summary>
    public const string ImageToVideoModel = "cosmos-3-super-image-to-video";

    /// <summary>Submit path of text-to-image, relative to the gateway.</summary>
    public const string TextToImagePath = "cosmos-3-super-text-to-image/v1/cosmos-3-super-text-to-image-request";

    /// <summary>Submit path of image-to-video, relative to the gateway.</summary>
    public const string ImageToVideoPath = "cosmos-3-super-image-to-video/v1/cosmos-3-super-image-to-video-request";

    /// <summary>Status path prefix, relative to the gateway; the request id follows.</summary>
    public const string StatusPath = "v2/requests/status/";

    /// <summary>Header that asks Pixazo to POST the final status to a URL instead of being polled.</summary>
    public const string WebhookHeader = "X-Webhook-URL";

    /// <summary>Header carrying the subscription key.</summary>
    public const string SubscriptionKeyHeader = "Ocp-Apim-Subscription-Key";

    /// <summary>Longest prompt, in characters (both models).</summary>
    public const int MaxPromptLength = 4096;

    /// <summary>Longest negative prompt of text-to-image.</summary>
    public const int MaxTextToImageNegativePromptLength = 1024;

    /// <summary>Longest negative prompt of image-to-video.</summary>
    public const int MaxImageToVideoNegativePromptLength = 2048;

    /// <summary>The image size presets.</summary>
    public static IReadOnlyList<string> ImageSizePresets { get; } =
        ["square_hd", "square", "portrait_4_3", "portrait_16_9", "landscape_4_3", "landscape_16_9"];

    /// <summary>Text-to-image output formats.</summary>
    public static IReadOnlyList<string> OutputFormats { get; } = ["jpeg", "png"];
}
