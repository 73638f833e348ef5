namespace MediaGen.Simulator.Cosmic;

/// <summary>Token usage; <c>total_tokens</c> appears on media responses only.</summary>
public sealed record CosmicUsage(
    int InputTokens,
    int OutputTokens,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? TotalTokens = null);
