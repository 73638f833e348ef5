namespace MediaGen.Testing;

/// <summary>One callback delivery as received.</summary>
/// <param name="DeliveryId">The <c>webhook-id</c> header.</param>
/// <param name="JobId">The body's <c>id</c>.</param>
/// <param name="Status">The body's <c>status</c>.</param>
/// <param name="ErrorType">The body's <c>error.type</c>, if any.</param>
/// <param name="SignatureValid">Whether <c>webhook-signature</c> verified (Standard Webhooks).</param>
/// <param name="Refused">Whether the receiver answered 503 on purpose.</param>
/// <param name="Event">The body's <c>event</c> (<c>started</c>, <c>output</c>, <c>completed</c>).</param>
/// <param name="Index">The body's <c>index</c> (<c>output</c> events).</param>
public sealed record CallbackDelivery(string DeliveryId, string? JobId, string? Status, string? ErrorType, bool SignatureValid, bool Refused, string? Event = null, int? Index = null);
