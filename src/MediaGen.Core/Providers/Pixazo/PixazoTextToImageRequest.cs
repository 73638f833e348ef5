namespace MediaGen.Core.Providers.Pixazo;

/// <summary>A Cosmos 3 Super text-to-image submission. Omitted values take the provider defaults listed here.</summary>
/// <param name="Prompt">1–4096 characters (required).</param>
/// <param name="NegativePrompt">At most 1024 characters; default empty.</param>
/// <param name="EnablePromptExpansion">Expand the prompt first (+$0.02); default false.</param>
/// <param name="EnableAgenticGeneration">Iterate over candidate images; default false.</param>
/// <param name="AgenticMaxIterations">1–3, default 2; only with agentic generation.</param>
/// <param name="AgenticSamplesPerIteration">1–3, default 2; only with agentic generation.</param>
/// <param name="AgenticEarlyStop">Default true; only with agentic generation.</param>
/// <param name="ImageSize">Preset or custom dimensions; default <c>square_hd</c>.</param>
/// <param name="NumInferenceSteps">1–50, default 28.</param>
/// <param name="GuidanceScale">0–20, default 4.</param>
/// <param name="NumImages">1–4, default 1 ($0.04 each).</param>
/// <param name="OutputFormat"><c>jpeg</c> (default) or <c>png</c>.</param>
/// <param name="EnableSafetyChecker">Default true.</param>
/// <param name="Seed">Seed for reproducible output; random when omitted.</param>
/// <param name="SyncMode">Return base64 data URIs inline instead of a request id; default false.</param>
/// <param name="WebhookUrl">Sent as the <c>X-Webhook-URL</c> header (not in the body): Pixazo POSTs the final status there.</param>
public sealed record PixazoTextToImageRequest(
    string Prompt,
    string? NegativePrompt = null,
    bool? EnablePromptExpansion = null,
    bool? EnableAgenticGeneration = null,
    int? AgenticMaxIterations = null,
    int? AgenticSamplesPerIteration = null,
    bool? AgenticEarlyStop = null,
    PixazoImageSize? ImageSize = null,
    int? NumInferenceSteps = null,
    double? GuidanceScale = null,
    int? NumImages = null,
    string? OutputFormat = null,
    bool? EnableSafetyChecker = null,
    long? Seed = null,
    bool? SyncMode = null,
    [property: JsonIgnore] string? WebhookUrl = null);
