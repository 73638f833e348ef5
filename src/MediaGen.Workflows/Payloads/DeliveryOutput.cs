namespace MediaGen.Workflows.Payloads;

/// <summary>
/// Output of a notification activity (results queue, callback): null <paramref name="Failure"/> when delivered. Failures
/// travel as data, so the orchestration's retry decision never depends on an exception type crossing a process boundary.
/// </summary>
/// <param name="Failure">Why this attempt failed, and whether another may succeed.</param>
public sealed record DeliveryOutput(StepFailure? Failure = null)
{
    /// <summary>A delivered notification.</summary>
    public static DeliveryOutput Delivered { get; } = new();
}
