namespace MediaGen.Workflows.Payloads;

/// <summary>Input of <see cref="Activities.SendCallbackActivity"/>.</summary>
/// <param name="Url">The caller's callback URL.</param>
/// <param name="DeliveryId">Stable across every attempt of this delivery, so receivers can drop duplicates.</param>
/// <param name="Notification">The body of a <c>completed</c> delivery.</param>
/// <param name="Trace">The job's trace context and the attempt (spans only; never part of what the step does).</param>
/// <param name="Event">The body of a <c>started</c> or <c>output</c> delivery (then <paramref name="Notification"/> is null).</param>
public sealed record CallbackInput(string Url, string DeliveryId, JobNotification? Notification, StepTrace? Trace = null, JobEventNotification? Event = null);
