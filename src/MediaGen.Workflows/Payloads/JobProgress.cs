namespace MediaGen.Workflows.Payloads;

/// <summary>
/// Custom status of a job or chain: what it is doing now. Phases: <c>generating</c>, <c>retrying</c>, <c>submitted</c>,
/// <c>waiting</c> (Pixazo), <c>copying</c>, <c>notifying</c>, <c>done</c>.
/// </summary>
/// <param name="Phase">What the job is doing.</param>
/// <param name="Attempt">Attempt of the current provider call (1-based).</param>
/// <param name="ProviderStatus">Pixazo's last known status (QUEUED, PROCESSING…).</param>
/// <param name="RequestId">The current Pixazo request id.</param>
/// <param name="Submission">Pixazo submissions so far (more than 1 after an ERROR was resubmitted).</param>
/// <param name="Polls">Pixazo status polls so far.</param>
/// <param name="Webhooks">Pixazo webhooks received so far.</param>
/// <param name="ItemsStored">Media items stored so far.</param>
/// <param name="ItemsTotal">Media items to store, once known.</param>
/// <param name="NextCheckAt">When the next retry or poll is due (UTC).</param>
/// <param name="Step">Chains: the current step (1-based).</param>
/// <param name="Steps">Chains: the number of steps.</param>
/// <param name="FailedStep">Chains: the step that failed.</param>
/// <param name="LastError">The last failure seen (retried or not).</param>
public sealed record JobProgress(
    string Phase,
    int Attempt = 0,
    string? ProviderStatus = null,
    string? RequestId = null,
    int Submission = 0,
    int Polls = 0,
    int Webhooks = 0,
    int ItemsStored = 0,
    int ItemsTotal = 0,
    DateTime? NextCheckAt = null,
    int? Step = null,
    int? Steps = null,
    int? FailedStep = null,
    string? LastError = null);
