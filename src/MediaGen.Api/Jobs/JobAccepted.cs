namespace MediaGen.Api.Jobs;

/// <summary>
/// The answer to starting a job, batch or chain (202 when created, 200 when its idempotency key named an existing one),
/// in the spirit of Durable Functions' check-status response. Send the API key with the URLs as with any route.
/// </summary>
/// <param name="Id">The job, batch or chain id.</param>
/// <param name="Type"><c>job</c>, <c>batch</c> or <c>chain</c>.</param>
/// <param name="Status">Where it stands now (<c>Pending</c> when just created).</param>
/// <param name="Created">False when the idempotency key named an existing one and nothing new started.</param>
/// <param name="StatusQueryGetUri">GET it here (also the <c>Location</c> header).</param>
/// <param name="CancelPostUri">POST here to cancel it.</param>
/// <param name="PixazoWebhookUri">Pixazo jobs, in the answer of the start that created the job only: the webhook URL Pixazo was given (it carries the job's secret); absent when webhooks are off and in every later answer.</param>
public sealed record JobAccepted(
    string Id,
    string Type,
    string Status,
    bool Created,
    Uri StatusQueryGetUri,
    Uri CancelPostUri,
    Uri? PixazoWebhookUri = null);
