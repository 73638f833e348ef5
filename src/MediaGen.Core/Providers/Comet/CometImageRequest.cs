namespace MediaGen.Core.Providers.Comet;

/// <summary>An image generation (<c>POST /v1/images/generations</c>, OpenAI-compatible).</summary>
/// <param name="Prompt">What to draw (required).</param>
/// <param name="Model">Model id; default <c>dall-e-3</c>. GPT image models answer in base64; <c>qwen-image</c> makes one image per request.</param>
/// <param name="N">Number of images, at least 1 (exactly 1 for <c>qwen-image</c>); provider default 1.</param>
/// <param name="Size">Output size such as <c>1024x1024</c>; supported values depend on the model.</param>
/// <param name="ResponseFormat"><c>url</c> or <c>b64_json</c>; GPT image models take <c>b64_json</c> only.</param>
public sealed record CometImageRequest(
    string Prompt,
    string Model = CometCatalog.DefaultModel,
    int? N = null,
    string? Size = null,
    string? ResponseFormat = null);
