using System.Text.Json.Serialization;

namespace MediaGen.Api.Streaming;

/// <summary>The body of <c>POST /api/text/stream</c> (documentation shape; <see cref="TextStreamRequestReader"/> reads it).</summary>
/// <param name="Prompt">A single prompt; give this or <paramref name="Messages"/>.</param>
/// <param name="Messages">A chat history of <c>user</c>/<c>assistant</c> messages.</param>
/// <param name="Model">Cosmic text model; default <c>claude-opus-4-8</c>.</param>
/// <param name="MaxTokens">Most tokens to generate (at least 1).</param>
/// <param name="MediaUrl">URL of a file in the Cosmic bucket to analyse.</param>
public sealed record TextStreamRequest(
    [property: JsonPropertyName("prompt")] string? Prompt = null,
    [property: JsonPropertyName("messages")] IReadOnlyList<CosmicMessage>? Messages = null,
    [property: JsonPropertyName("model")] string? Model = null,
    [property: JsonPropertyName("max_tokens")] int? MaxTokens = null,
    [property: JsonPropertyName("media_url")] string? MediaUrl = null);
