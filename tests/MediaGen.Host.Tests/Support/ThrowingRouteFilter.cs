using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace MediaGen.Host.Tests.Support;

/// <summary>Adds, behind the host's own pipeline, a path that fails unexpectedly with a message that must not leak.</summary>
public sealed class ThrowingRouteFilter : IStartupFilter
{
    public const string Path = "/test/unexpected";
    public const string Secret = "internal-detail-7f3a";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        app.Use((HttpContext context, RequestDelegate nextMiddleware) =>
            context.Request.Path == Path ? throw new InvalidOperationException(Secret) : nextMiddleware(context));
    };
}
