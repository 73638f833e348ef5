namespace MediaGen.Core.Providers.Comet;

/// <summary>CometAPI's documented image models, response formats and per-family rules.</summary>
public static class CometCatalog
{
    /// <summary>Default model (the API requires <c>model</c>; the client sends this when none is given).</summary>
    public const string DefaultModel = "dall-e-3";

    /// <summary>The one model documented not to support more than one image per request.</summary>
    public const string QwenImageModel = "qwen-image";

    /// <summary>Prefix of the base64-first GPT image family (<c>gpt-image-1</c>, <c>gpt-image-1-mini</c>, <c>gpt-image-1.5</c>).</summary>
    public const string GptImagePrefix = "gpt-image-";

    /// <summary>Response format returning a temporary download URL.</summary>
    public const string UrlFormat = "url";

    /// <summary>Response format returning the image inline as base64.</summary>
    public const string Base64Format = "b64_json";

    /// <summary>The response formats.</summary>
    public static IReadOnlyList<string> ResponseFormats { get; } = [UrlFormat, Base64Format];

    /// <summary>Models documented to support both URL and base64 responses.</summary>
    public static IReadOnlyList<string> UrlAndBase64Models { get; } = ["dall-e-2", "dall-e-3"];

    /// <summary>Whether a model belongs to the base64-first GPT image family.</summary>
    public static bool IsBase64First(string model) => model.StartsWith(GptImagePrefix, StringComparison.Ordinal);
}
