namespace MediaGen.Simulator.Comet;

/// <summary>One generated image: <c>url</c> or <c>b64_json</c>, with the revised prompt.</summary>
public sealed record CometImageData(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RevisedPrompt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Url,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? B64Json);
