namespace MediaGen.Simulator.Comet;

/// <summary>The OpenAI-compatible error object CometAPI answers with.</summary>
public sealed record CometError(string Message, string Type, string? Param, string? Code);
