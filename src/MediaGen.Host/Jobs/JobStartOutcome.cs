namespace MediaGen.Host.Jobs;

/// <summary>What starting a job did.</summary>
/// <param name="JobId">The job's id.</param>
/// <param name="Created">True when this call created it; false when its idempotency key already had.</param>
public sealed record JobStartOutcome(string JobId, bool Created);
