namespace MediaGen.Host.Api;

/// <summary>
/// Requires an API key on the routes it filters (<see cref="ApiKeyRing"/>: any configured caller's key, header
/// <c>x-functions-key</c> or query <c>code</c>), answering a missing or wrong key with the 401 ProblemDetails the Functions
/// app's middleware sends (<see cref="ApiKeyCheck.Refuse"/>: a 503 <c>not_configured</c> instead while no key has resolved),
/// so both hosts answer alike.
/// </summary>
public sealed class ApiKeyFilter(ApiKeyRing keys) : IEndpointFilter
{
    /// <inheritdoc />
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        return keys.CallerOf(request) is null
            ? ValueTask.FromResult<object?>(ApiKeyCheck.Refuse(keys, request))
            : next(context);
    }
}
