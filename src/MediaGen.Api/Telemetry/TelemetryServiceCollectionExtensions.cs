using MediaGen.Core.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MediaGen.Api.Telemetry;

/// <summary>The OpenTelemetry wiring both hosts share; each host adds its inbound instrumentation and its exporter.</summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The service name when <c>OTEL_SERVICE_NAME</c> is not set.</summary>
    public const string DefaultServiceName = "mediagen";

    /// <summary>
    /// Traces: MediaGen's spans and outgoing HTTP calls (provider calls, media fetches, callbacks) with
    /// <see cref="JobTraceSampler.ParentBased"/> and <see cref="TelemetryRedaction"/>. Metrics: MediaGen's meter and
    /// HTTP client metrics. Service name from <c>OTEL_SERVICE_NAME</c> (default <see cref="DefaultServiceName"/>).
    /// </summary>
    public static IOpenTelemetryBuilder AddMediaGenTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var serviceName = configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : DefaultServiceName;
        return services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing => tracing
                .SetSampler(JobTraceSampler.ParentBased())
                .AddSource(MediaGenTelemetry.Name)
                .AddHttpClientInstrumentation()
                .AddProcessor(new TelemetryRedaction()))
            .WithMetrics(metrics => metrics
                .AddMeter(MediaGenTelemetry.Name)
                .AddHttpClientInstrumentation());
    }
}
