namespace MediaGen.Api;

/// <summary>Names the caller identity a request's budgets are counted under (both hosts: the API key's caller name, <see cref="ApiKeyCallerResolver"/>).</summary>
public interface ICallerResolver
{
    /// <summary>The caller of <paramref name="request"/>, or null when it names none.</summary>
    string? CallerOf(HttpRequest request);
}
