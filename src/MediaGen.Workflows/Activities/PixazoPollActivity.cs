using MediaGen.Core.Providers;
using MediaGen.Core.Providers.Pixazo;
using MediaGen.Workflows.Payloads;
using Microsoft.DurableTask;

namespace MediaGen.Workflows.Activities;

/// <summary>Reads a Pixazo request's status from the configured gateway. Failures are returned, not thrown.</summary>
public sealed class PixazoPollActivity(PixazoClient pixazo) : TaskActivity<string, PixazoPollOutput>
{
    /// <inheritdoc />
    public override async Task<PixazoPollOutput> RunAsync(TaskActivityContext context, string input)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(input);
        try
        {
            return new PixazoPollOutput(PixazoStatusReport.From(await pixazo.GetStatusAsync(input).ConfigureAwait(false)));
        }
        catch (ProviderException ex)
        {
            return new PixazoPollOutput(null, StepFailure.From(ex));
        }
    }
}
