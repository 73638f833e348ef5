namespace MediaGen.Simulator.Cosmic;

/// <summary>Cosmic error body; the seed does not show one, the official SDK reads <c>message</c>.</summary>
public sealed record CosmicError(int Status, string Message);
