namespace MediaGen.Workflows.Payloads;

/// <summary>Input of <see cref="Activities.PixazoPollActivity"/>.</summary>
/// <param name="RequestId">The Pixazo request to read.</param>
/// <param name="Trace">The job's trace context.</param>
public sealed record PixazoPollInput(string RequestId, StepTrace? Trace = null);
