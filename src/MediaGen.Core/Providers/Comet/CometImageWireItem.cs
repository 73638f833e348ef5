namespace MediaGen.Core.Providers.Comet;

/// <summary>One <c>data[]</c> item on the wire; <see cref="B64Json"/> holds a spool reference, not the base64.</summary>
internal sealed record CometImageWireItem(
    string? Url = null,
    [property: JsonPropertyName("b64_json")] string? B64Json = null,
    string? RevisedPrompt = null);
