namespace MediaGen.Api;

/// <summary>
/// Endpoint metadata: the route honours <c>Prefer: wait</c> (<see cref="Jobs.PreferWait"/>), so the OpenAPI document
/// shows the <c>Prefer</c> request header and the <c>Preference-Applied</c> header of its answers.
/// </summary>
public sealed record DocumentedPreferWait;
