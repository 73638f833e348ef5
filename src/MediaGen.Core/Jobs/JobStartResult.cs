namespace MediaGen.Core.Jobs;

/// <summary>What starting a job, batch or chain did.</summary>
/// <param name="Id">The id to read it by (the orchestration instance id).</param>
/// <param name="AlreadyExisted">True when the idempotency key (or instance id) named an existing one: nothing new was started.</param>
public sealed record JobStartResult(string Id, bool AlreadyExisted);
