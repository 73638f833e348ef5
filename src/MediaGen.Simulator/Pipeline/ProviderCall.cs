namespace MediaGen.Simulator.Pipeline;

/// <summary>One authorised, parsed call to a simulated provider endpoint, handed to its handler.</summary>
internal sealed record ProviderCall(
    HttpContext Context,
    string Endpoint,
    JsonElement Body,
    string? Prompt,
    int Attempt,
    FaultPlan Faults,
    Uri BaseUrl)
{
    /// <summary>Builds an absolute URL on the simulator for <paramref name="pathAndQuery"/>.</summary>
    public string Url(string pathAndQuery) => SimulatorUrls.Combine(BaseUrl, pathAndQuery);
}
