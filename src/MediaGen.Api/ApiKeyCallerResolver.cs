namespace MediaGen.Api;

/// <summary>The caller of a request is the caller name of its API key (<see cref="ApiKeyRing"/>): <c>default</c> for <c>Api__Key</c>, else the name in <c>Api__Keys__&lt;caller&gt;</c>.</summary>
public sealed class ApiKeyCallerResolver(ApiKeyRing keys) : ICallerResolver
{
    /// <inheritdoc />
    public string? CallerOf(HttpRequest request) => keys.CallerOf(request);
}
