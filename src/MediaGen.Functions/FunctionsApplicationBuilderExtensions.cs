using Microsoft.Extensions.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;

namespace MediaGen.Functions;

/// <summary>The whole wiring of the Functions app, so <c>Program.cs</c> and the tests build the same app.</summary>
public static class FunctionsApplicationBuilderExtensions
{
    /// <summary>
    /// ASP.NET Core integration, the HTTP API middleware (API key, ProblemDetails for failures), MediaGen's services, and
    /// a service provider validated on build with scope checks in every environment (not only in Development).
    /// </summary>
    public static FunctionsApplicationBuilder AddMediaGenFunctions(this FunctionsApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureFunctionsWebApplication();
        builder.UseMiddleware<HttpApiMiddleware>();
        builder.Services.AddMediaGenFunctions(builder.Configuration);
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
        return builder;
    }
}
