namespace MediaGen.Core.Providers.Cosmic;

/// <summary>A text generation (<c>POST /v3/buckets/{slug}/ai/text</c>). Give either <see cref="Prompt"/> or <see cref="Messages"/>.</summary>
/// <param name="Prompt">A single prompt.</param>
/// <param name="Messages">A chat history of <c>user</c>/<c>assistant</c> messages.</param>
/// <param name="Model">Model id; default <see cref="CosmicCatalog.DefaultTextModel"/> (<c>claude-opus-4-8</c>).</param>
/// <param name="MaxTokens">Most tokens to generate (at least 1); provider default when omitted.</param>
/// <param name="MediaUrl">URL of a file in the bucket to analyse (image, PDF, spreadsheet, document).</param>
public sealed record CosmicTextRequest(
    string? Prompt = null,
    IReadOnlyList<CosmicMessage>? Messages = null,
    string? Model = null,
    int? MaxTokens = null,
    string? MediaUrl = null);
