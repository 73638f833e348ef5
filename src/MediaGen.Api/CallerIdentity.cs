using Microsoft.Extensions.DependencyInjection;

namespace MediaGen.Api;

/// <summary>
/// The caller identity of a request: what the registered <see cref="ICallerResolver"/> says (both hosts register
/// <see cref="ApiKeyCallerResolver"/>: the caller name of the API key sent), else <see cref="JobOwner.DefaultCaller"/>.
/// </summary>
public static class CallerIdentity
{
    /// <summary>The caller of <paramref name="httpContext"/>'s request.</summary>
    public static string Of(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return httpContext.RequestServices.GetService<ICallerResolver>()?.CallerOf(httpContext.Request) ?? JobOwner.DefaultCaller;
    }

    /// <summary>What <paramref name="httpContext"/>'s caller may see and act on (<see cref="CallerRoles"/>: its own jobs, or every caller's for an operator).</summary>
    public static JobAccess AccessOf(HttpContext httpContext)
    {
        var caller = Of(httpContext);
        return httpContext.RequestServices.GetService<CallerRoles>()?.AccessOf(caller) ?? new JobAccess(caller);
    }
}
