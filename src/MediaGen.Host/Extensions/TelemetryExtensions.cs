using MediaGen.Api.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace MediaGen.Host.Extensions;

/// <summary>OpenTelemetry of the standalone host: the shared wiring, incoming HTTP requests, and OTLP when configured.</summary>
public static class TelemetryExtensions
{
    /// <summary>
    /// Adds <see cref="TelemetryServiceCollectionExtensions.AddMediaGenTelemetry"/>, ASP.NET Core request spans and metrics,
    /// and the OTLP exporter for traces and metrics when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the standard
    /// <c>OTEL_EXPORTER_OTLP_*</c> variables configure it).
    /// </summary>
    public static IOpenTelemetryBuilder AddMediaGenHostTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var telemetry = builder.Services.AddMediaGenTelemetry(builder.Configuration)
            .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation())
            .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.WithTracing(tracing => tracing.AddOtlpExporter()).WithMetrics(metrics => metrics.AddOtlpExporter());
        }

        return telemetry;
    }
}
