using MediaGen.Core.Jobs;
using MediaGen.Workflows.Activities;
using MediaGen.Workflows.Payloads;

namespace MediaGen.Workflows.Orchestrations;

/// <summary>Copies a job's media items into Blob Storage, one activity per item (in parallel), each retried on transient failures.</summary>
internal static class MediaCopies
{
    /// <summary>The stored items in item order, or the first failure (items stored before it are kept in <see cref="RunningJob.Stored"/>).</summary>
    public static async Task<StepFailure?> CopyAsync(RunningJob run, JobRequest request, IReadOnlyList<MediaToCopy> items, JobPolicy policy)
    {
        if (items.Count == 0)
        {
            return null;
        }

        var provider = JobRequestReader.ProviderText(request.Provider);
        run.Progress = run.Progress with { Phase = "copying", ItemsTotal = run.Stored.Count + items.Count };
        var copies = items
            .Select(item => StepRetry.CallAsync<CopyOutput>(
                run, nameof(CopyMediaActivity), trace => new CopyInput(item, request.Output, provider, trace, request.Kind), o => o.Failure, f => f.Retryable,
                policy.CopyMaxAttempts, policy.CopyRetryInterval, policy.CopyRetryInterval * 8, "copying"))
            .ToList();
        var results = await Task.WhenAll(copies);
        run.Stop.ThrowIfCancellationRequested();
        run.AddStored(results.Where(r => r.Item is not null).Select(r => r.Item!));
        return results.Select(r => r.Failure).FirstOrDefault(f => f is not null);
    }
}
