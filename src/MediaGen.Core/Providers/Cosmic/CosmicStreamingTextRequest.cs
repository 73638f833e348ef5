namespace MediaGen.Core.Providers.Cosmic;

/// <summary>The wire form of a streaming text request: the same fields plus <c>stream: true</c>.</summary>
internal sealed record CosmicStreamingTextRequest(
    string? Prompt,
    IReadOnlyList<CosmicMessage>? Messages,
    string? Model,
    int? MaxTokens,
    string? MediaUrl,
    bool Stream)
{
    public static CosmicStreamingTextRequest From(CosmicTextRequest request) =>
        new(request.Prompt, request.Messages, request.Model, request.MaxTokens, request.MediaUrl, Stream: true);
}
