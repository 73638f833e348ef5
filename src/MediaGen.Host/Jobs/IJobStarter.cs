using MediaGen.Core.Jobs;

namespace MediaGen.Host.Jobs;

/// <summary>
/// Starts a validated job through the job service; what the queue and blob listeners need of it.
/// Idempotent: a request with an <see cref="JobRequest.IdempotencyKey"/> that already started a job answers that job.
/// </summary>
public interface IJobStarter
{
    /// <summary>Starts <paramref name="request"/>, or finds the job its idempotency key already started.</summary>
    /// <exception cref="MediaGen.Core.Providers.Validation.RequestValidationException">The request is invalid; nothing was started.</exception>
    Task<JobStartOutcome> StartAsync(JobRequest request, CancellationToken cancellationToken = default);
}
