using MediaGen.Core.Jobs;
using MediaGen.Workflows.Activities;
using MediaGen.Workflows.Payloads;

namespace MediaGen.Workflows.Orchestrations;

/// <summary>One synchronous generation: the provider call (retried per the error taxonomy), then a copy per media item.</summary>
internal static class SyncGeneration
{
    /// <summary>What one generation step produced (its items are in <see cref="JobRun.Stored"/>).</summary>
    public sealed record StepResult(string? ProviderId, string? Text, JobUsage? Usage, StepFailure? Failure);

    public static async Task<StepResult> RunAsync(JobRun run, JobRequest request, int firstItemIndex, JobPolicy policy)
    {
        var generated = await StepRetry.CallAsync<GenerateOutput>(
            run, nameof(GenerateActivity), trace => new GenerateInput(request, firstItemIndex, trace), o => o.Failure,
            f => StepRetry.ShouldRetryProvider(request, f), policy.ProviderMaxAttempts, policy.ProviderRetryInterval,
            policy.ProviderMaxRetryInterval, "generating");
        if (generated.Failure is { } failure)
        {
            run.Progress = run.Progress with { LastError = failure.Type };
            return new StepResult(null, null, null, failure);
        }

        run.AddStored(generated.Stored);
        var copyFailure = await MediaCopies.CopyAsync(run, request, generated.Media, policy);
        return new StepResult(generated.ProviderId, generated.Text, generated.Usage, copyFailure);
    }
}
