namespace MediaGen.Simulator.Pixazo;

/// <summary>202 response of a Pixazo generate request.</summary>
public sealed record PixazoSubmitResponse(string RequestId, string Status, string PollingUrl);
