namespace MediaGen.Workflows.Orchestrations;

/// <summary>One synchronous generation: the provider call (retried per the error taxonomy), then a copy per media item.</summary>
internal static class SyncGeneration
{
    /// <summary>What one generation step produced (its items are in <see cref="RunningJob.Stored"/>).</summary>
    /// <param name="ProviderId">The provider's id of the (first) item.</param>
    /// <param name="Text">Generated text, when inline.</param>
    /// <param name="Usage">Usage the provider reported.</param>
    /// <param name="Failure">Why the step failed.</param>
    /// <param name="NothingBought">Whether the step's failure proves the provider sold nothing (<see cref="StepRetry.ProvesNothingBought"/>).</param>
    public sealed record StepResult(string? ProviderId, string? Text, JobUsage? Usage, StepFailure? Failure, bool NothingBought = false);

    /// <summary>Runs the step; <paramref name="estimate"/> is its cost estimate, counted in <paramref name="run"/>'s spending.</summary>
    public static async Task<StepResult> RunAsync(RunningJob run, JobRequest request, int firstItemIndex, JobPolicy policy, decimal? estimate = null)
    {
        run.PurchaseStarting(estimate);
        var generated = await StepRetry.CallAsync<GenerateOutput>(
            run, nameof(GenerateActivity), trace => new GenerateInput(request, firstItemIndex, trace, CopyMedia: true), o => o.Failure,
            f => StepRetry.ShouldRetryProvider(request, f), policy.ProviderMaxAttempts, policy.ProviderRetryInterval,
            policy.ProviderMaxRetryInterval, "generating");
        if (generated.Failure is { } failure)
        {
            var nothingBought = StepRetry.ProvesNothingBought(request, failure);
            run.PurchaseEnded(estimate, null, nothingBought);
            run.Progress = run.Progress with { LastError = failure.Type };
            return new StepResult(null, null, null, failure, nothingBought);
        }

        run.PurchaseEnded(estimate, generated.Cost, nothingBought: false);
        run.AddStored(generated.Stored);
        var copyFailure = await MediaCopies.CopyAsync(run, request, generated.Media, policy, generated.Copies);
        return new StepResult(generated.ProviderId, generated.Text, generated.Usage, copyFailure);
    }
}
