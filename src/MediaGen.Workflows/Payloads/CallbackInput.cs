namespace MediaGen.Workflows.Payloads;

/// <summary>Input of <see cref="Activities.SendCallbackActivity"/>.</summary>
/// <param name="Url">The caller's callback URL.</param>
/// <param name="DeliveryId">Stable across every attempt of this delivery, so receivers can drop duplicates.</param>
/// <param name="Notification">The body.</param>
public sealed record CallbackInput(string Url, string DeliveryId, JobNotification Notification);
