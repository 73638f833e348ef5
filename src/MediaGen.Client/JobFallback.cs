using System.Text.Json.Nodes;

namespace MediaGen.Client;

/// <summary>A provider to try when the ones before it failed in a way that proves nothing was bought.</summary>
/// <param name="Provider">The provider.</param>
/// <param name="Params">Its own parameters; null for an image job (the primary's prompt and size are mapped).</param>
public sealed record JobFallback(ProviderName Provider, JsonObject? Params = null);
