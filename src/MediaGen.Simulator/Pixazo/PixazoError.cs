namespace MediaGen.Simulator.Pixazo;

/// <summary>Pixazo's documented queue-system error body, e.g. <c>{"error":"Insufficient Balance","message":"…"}</c>.</summary>
public sealed record PixazoError(string Error, string Message);
