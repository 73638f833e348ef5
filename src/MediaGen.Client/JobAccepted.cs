namespace MediaGen.Client;

/// <summary>The answer to a start that did not wait (or whose job had not ended): where to follow it.</summary>
/// <param name="Id">The job, batch or chain id.</param>
/// <param name="Type"><c>job</c>, <c>batch</c> or <c>chain</c>.</param>
/// <param name="Status">Its status when answered.</param>
/// <param name="Created">False when the idempotency key named an existing one.</param>
/// <param name="StatusQueryGetUri">Where to read it.</param>
/// <param name="CancelPostUri">Where to cancel it.</param>
/// <param name="PixazoWebhookUri">A Pixazo job's webhook URL (the start that created it only).</param>
public sealed record JobAccepted(
    string Id, string Type, string Status, bool Created, Uri StatusQueryGetUri, Uri CancelPostUri, Uri? PixazoWebhookUri = null);
