namespace MediaGen.Simulator.Pixazo;

/// <summary><c>output</c> of a completed Pixazo request.</summary>
public sealed record PixazoOutput(IReadOnlyList<string> MediaUrl, string MediaType);
