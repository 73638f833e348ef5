namespace MediaGen.Core.Providers.Pixazo;

/// <summary>A Cosmos 3 Super image-to-video submission. Omitted values take the provider defaults listed here.</summary>
/// <param name="Prompt">The motion and scene, 1–4096 characters (required).</param>
/// <param name="ImageUrl">Public URL of the first-frame image (required).</param>
/// <param name="NegativePrompt">At most 2048 characters; default "blurry, low quality, distorted, …".</param>
/// <param name="EnablePromptExpansion">Rewrite the prompt first; default true.</param>
/// <param name="EnableAgenticGeneration">Iterative refinement; default false.</param>
/// <param name="AgenticMaxIterations">1–3, default 2; only with agentic generation.</param>
/// <param name="AgenticSamplesPerIteration">1–3, default 2; only with agentic generation.</param>
/// <param name="AgenticEarlyStop">Default true; only with agentic generation.</param>
/// <param name="ImageSize">Preset or custom dimensions; default 832×480.</param>
/// <param name="NumFrames">5–189, default 189.</param>
/// <param name="FramesPerSecond">4–60, default 24.</param>
/// <param name="NumInferenceSteps">1–50, default 28.</param>
/// <param name="GuidanceScale">0–20, default 6.</param>
/// <param name="EnableSafetyChecker">Default true.</param>
/// <param name="Seed">Seed for reproducible output; random when omitted.</param>
/// <param name="SyncMode">Return the video inline as a base64 data URI; default false.</param>
/// <param name="WebhookUrl">Sent as the <c>X-Webhook-URL</c> header (not in the body): Pixazo POSTs the final status there.</param>
public sealed record PixazoImageToVideoRequest(
    string Prompt,
    string ImageUrl,
    string? NegativePrompt = null,
    bool? EnablePromptExpansion = null,
    bool? EnableAgenticGeneration = null,
    int? AgenticMaxIterations = null,
    int? AgenticSamplesPerIteration = null,
    bool? AgenticEarlyStop = null,
    PixazoImageSize? ImageSize = null,
    int? NumFrames = null,
    int? FramesPerSecond = null,
    int? NumInferenceSteps = null,
    double? GuidanceScale = null,
    bool? EnableSafetyChecker = null,
    long? Seed = null,
    bool? SyncMode = null,
    [property: JsonIgnore] string? WebhookUrl = null);
