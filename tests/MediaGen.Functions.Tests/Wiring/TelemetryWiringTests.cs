using System.Diagnostics;
using MediaGen.Core.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace MediaGen.Functions.Tests.Wiring;

public sealed class TelemetryWiringTests
{
    private const string AzureMonitorAssembly = "Azure.Monitor.OpenTelemetry.Exporter";

    [Fact]
    public void Build_WithApplicationInsightsConnectionString_RegistersTheAzureMonitorExporter()
    {
        var builder = FunctionsApp.CreateBuilder(new Dictionary<string, string?>
        {
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/",
        });

        Assert.Contains(builder.Services, FromAzureMonitor);
    }

    [Fact]
    public void Build_WithoutConnectionString_ExportsNowhere()
    {
        var builder = FunctionsApp.CreateBuilder();

        Assert.DoesNotContain(builder.Services, FromAzureMonitor);
    }

    [Fact]
    public void Build_AsProgramDoes_RecordsMediaGenSpansUnderTheServiceName()
    {
        // Other tests in this process record MediaGen spans at the same time: the exporter adds from their threads.
        var spans = new Recorded<Activity>();
        var builder = FunctionsApp.CreateBuilder(new Dictionary<string, string?> { ["OTEL_SERVICE_NAME"] = "mediagen-functions-test" });
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
        using var host = builder.Build();
        var provider = host.Services.GetRequiredService<TracerProvider>();

        using (var span = MediaGenTelemetry.StartSpan("job start", ActivityKind.Producer))
        {
            Assert.NotNull(span);
            span.SetTag(MediaGenTelemetry.JobIdTag, "job-wiring");
        }

        var recorded = Assert.Single(spans.Snapshot(), s => (string?)s.GetTagItem(MediaGenTelemetry.JobIdTag) == "job-wiring");
        Assert.Equal("job start", recorded.DisplayName);
        Assert.Contains(provider.GetResource().Attributes, a => a.Key == "service.name" && (string)a.Value == "mediagen-functions-test");
    }

    private static bool FromAzureMonitor(ServiceDescriptor descriptor) =>
        new[] { descriptor.ServiceType, descriptor.ImplementationType }
            .Where(t => t is not null)
            .SelectMany(t => t!.IsGenericType ? t.GetGenericArguments().Append(t) : [t])
            .Any(t => t.Assembly.GetName().Name == AzureMonitorAssembly);
}
