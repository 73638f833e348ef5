namespace MediaGen.Api;

/// <summary>Names the caller identity a request's budgets are counted under (the standalone host: the API key's caller name).</summary>
public interface ICallerResolver
{
    /// <summary>The caller of <paramref name="request"/>, or null when it names none.</summary>
    string? CallerOf(HttpRequest request);
}
