using MediaGen.Core.Jobs;
using MediaGen.Core.Providers;
using MediaGen.Core.Providers.Pixazo;
using MediaGen.Core.Telemetry;
using MediaGen.Workflows.Payloads;
using Microsoft.DurableTask;

namespace MediaGen.Workflows.Activities;

/// <summary>Reads a Pixazo request's status from the configured gateway. Failures are returned, not thrown.</summary>
public sealed class PixazoPollActivity(PixazoClient pixazo) : TaskActivity<PixazoPollInput, PixazoPollOutput>
{
    /// <inheritdoc />
    public override async Task<PixazoPollOutput> RunAsync(TaskActivityContext context, PixazoPollInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(input.RequestId, nameof(input));
        using var span = StepSpans.Start(nameof(PixazoPollActivity), context, input.Trace, ProviderName.Pixazo);
        span?.SetTag(MediaGenTelemetry.ProviderRequestIdTag, input.RequestId);
        try
        {
            var report = PixazoStatusReport.From(await pixazo.GetStatusAsync(input.RequestId).ConfigureAwait(false));
            span?.SetTag("mediagen.provider.status", report.Status.ToString().ToUpperInvariant());
            return new PixazoPollOutput(report);
        }
        catch (ProviderException ex)
        {
            var failure = StepFailure.From(ex);
            MediaGenTelemetry.RecordProviderError(JobRequestReader.ProviderText(ex.Provider), failure.Type);
            StepSpans.Fail(span, failure);
            return new PixazoPollOutput(null, failure);
        }
    }
}
