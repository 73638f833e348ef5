namespace MediaGen.Workflows.Payloads;

/// <summary>
/// Where a Pixazo job's media goes, handed to its status poll so that a poll confirming COMPLETED stores the media at once
/// (<see cref="Activities.PixazoPollActivity"/>), without an activity round trip of its own.
/// </summary>
/// <param name="Output">Where the job's media goes.</param>
/// <param name="Provider">The provider (blob metadata).</param>
/// <param name="Kind">The job's kind: the stored type must be one it allows.</param>
/// <param name="Model">The model that generated the media.</param>
public sealed record PixazoCopyPlan(JobOutput? Output, string Provider, JobKind Kind, string? Model);
