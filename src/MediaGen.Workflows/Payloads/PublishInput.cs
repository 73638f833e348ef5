namespace MediaGen.Workflows.Payloads;

/// <summary>Input of <see cref="Activities.PublishResultActivity"/>.</summary>
/// <param name="Notification">The results-queue message.</param>
/// <param name="Trace">The job's trace context (not part of the message).</param>
public sealed record PublishInput(JobNotification Notification, StepTrace? Trace = null);
