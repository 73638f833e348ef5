namespace MediaGen.Workflows.Payloads;

/// <summary>Input of <see cref="Activities.PixazoPollActivity"/>.</summary>
/// <param name="RequestId">The Pixazo request to read.</param>
/// <param name="Trace">The job's trace context.</param>
/// <param name="CopyWhenCompleted">
/// When set, a poll that reads COMPLETED also copies every media URL of that answer into Blob Storage
/// (<see cref="PixazoPollOutput.Copies"/>); null in payloads of jobs started before it was passed.
/// </param>
public sealed record PixazoPollInput(string RequestId, StepTrace? Trace = null, PixazoCopyPlan? CopyWhenCompleted = null);
