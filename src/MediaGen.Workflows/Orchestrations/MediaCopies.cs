namespace MediaGen.Workflows.Orchestrations;

/// <summary>
/// Copies a job's media items into Blob Storage, one activity per item (in parallel), each retried on transient failures —
/// unless the activity that produced them copied them already (a generate call or a Pixazo poll given the job's output).
/// </summary>
internal static class MediaCopies
{
    /// <summary>The stored items in item order, or the first failure (items stored before it are kept in <see cref="RunningJob.Stored"/>).</summary>
    /// <param name="run">The job.</param>
    /// <param name="request">Its request.</param>
    /// <param name="items">The items to store.</param>
    /// <param name="policy">Its retry policy.</param>
    /// <param name="copied">
    /// What the producing activity's own copies gave, in item order, or null. Each counts as its item's first attempt: a
    /// success is kept, a retryable failure is retried here (from attempt 2, after its backoff), another failure stands.
    /// </param>
    public static async Task<StepFailure?> CopyAsync(
        RunningJob run, JobRequest request, IReadOnlyList<MediaToCopy> items, JobPolicy policy, IReadOnlyList<CopyOutput>? copied = null)
    {
        if (items.Count == 0)
        {
            return null;
        }

        run.Progress = run.Progress with { Phase = "copying", ItemsTotal = run.Stored.Count + items.Count };
        var first = copied is not null && copied.Count == items.Count ? copied : null;
        var provider = JobRequestReader.ProviderText(request.Provider);
        var copies = items
            .Select((item, i) => StepRetry.CallAsync(
                run, nameof(CopyMediaActivity), trace => new CopyInput(item, request.Output, provider, trace, request.Kind), o => o.Failure, f => f.Retryable,
                policy.CopyMaxAttempts, policy.CopyRetryInterval, policy.CopyRetryInterval * 8, "copying", first?[i]))
            .ToList();
        var results = await Task.WhenAll(copies);
        run.Stop.ThrowIfCancellationRequested();
        run.AddStored(results.Where(r => r.Item is not null).Select(r => r.Item!));
        return results.Select(r => r.Failure).FirstOrDefault(f => f is not null);
    }
}
