namespace MediaGen.Simulator.Pixazo;

/// <summary>How the webhook of one Pixazo request is delivered (from its fault directives).</summary>
/// <param name="Url">The <c>X-Webhook-URL</c> of the submit, if any.</param>
/// <param name="Copies">Deliveries of the final payload (2+ simulates duplicates).</param>
/// <param name="Delay">Extra delay before each delivery.</param>
/// <param name="OutOfOrder">Send a stale PROCESSING payload after the final one.</param>
internal sealed record PixazoWebhookPlan(Uri? Url, int Copies, TimeSpan Delay, bool OutOfOrder);
