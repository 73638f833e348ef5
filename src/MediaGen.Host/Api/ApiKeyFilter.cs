using System.Text;
using MediaGen.Api;
using Microsoft.Extensions.Options;

namespace MediaGen.Host.Api;

/// <summary>
/// Requires the API key on the routes it filters, with the check the Functions app's middleware makes
/// (<see cref="ApiKeyCheck"/>: header <c>x-functions-key</c> or query <c>code</c>, 401 ProblemDetails otherwise), so both
/// hosts answer a missing or wrong key alike.
/// </summary>
public sealed class ApiKeyFilter(IOptions<ApiKeyOptions> options) : IEndpointFilter
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(options.Value.Key);

    /// <inheritdoc />
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        return ApiKeyCheck.Refuse(context.HttpContext.Request, _key) is { } refused
            ? ValueTask.FromResult<object?>(refused)
            : next(context);
    }
}
