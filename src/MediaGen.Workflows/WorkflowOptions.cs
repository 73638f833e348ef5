namespace MediaGen.Workflows;

/// <summary>
/// How generation workflows run: retries, Pixazo polling, batch sizes, the results queue and the Pixazo webhook URL.
/// Bound from the <c>Workflows</c> section and validated at start-up. A job captures these values when it starts,
/// so a change applies to new jobs and never breaks one in flight.
/// </summary>
public sealed class WorkflowOptions
{
    /// <summary>The configuration section: <c>Workflows</c> (<c>Workflows__PollInitialInterval</c> as an environment variable).</summary>
    public const string SectionName = "Workflows";

    /// <summary>The app-setting name of <see cref="WebhookSigningKey"/>.</summary>
    public const string WebhookSigningKeySetting = "Workflows__WebhookSigningKey";

    /// <summary>
    /// Public base URL of this deployment, where Pixazo can reach <c>/api/webhooks/pixazo/{jobId}</c>, e.g.
    /// <c>https://mediagen.example.com</c>. Default empty: no <c>X-Webhook-URL</c> is sent and Pixazo jobs rely on polling alone.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>
    /// Key of the per-job Pixazo webhook secrets (<c>HMAC-SHA256(key, jobId)</c>); a secret (Key Vault reference in Azure).
    /// Default empty: webhooks are off (polling only) and every webhook call is refused. An unresolved Key Vault reference
    /// counts as empty (it is never used as the key), and readiness names it while <see cref="PublicBaseUrl"/> is set.
    /// </summary>
    public string WebhookSigningKey { get; set; } = "";

    /// <summary>How long a job may run when its request names no deadline. Default 1 hour.</summary>
    public TimeSpan DefaultJobTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Attempts of one provider call for retryable failures (rate limits, outages), the first included. Default 4.</summary>
    public int ProviderMaxAttempts { get; set; } = 4;

    /// <summary>Wait before retrying a provider call when the provider sent no <c>Retry-After</c>; doubles per attempt. Default 2 s.</summary>
    public TimeSpan ProviderRetryInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait between provider attempts without <c>Retry-After</c>; a provider's <c>Retry-After</c> is honoured as given. Default 1 min.</summary>
    public TimeSpan ProviderMaxRetryInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Attempts of copying one media item into Blob Storage for transient failures. Default 3.</summary>
    public int CopyMaxAttempts { get; set; } = 3;

    /// <summary>Wait before retrying a media copy; doubles per attempt. Default 2 s.</summary>
    public TimeSpan CopyRetryInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>First wait before polling a Pixazo request (the webhook usually arrives first). Default 5 s.</summary>
    public TimeSpan PollInitialInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait between Pixazo status polls. Default 30 s.</summary>
    public TimeSpan PollMaxInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Factor applied to the poll wait after each poll (1–10). Default 2.</summary>
    public double PollBackoffCoefficient { get; set; } = 2.0;

    /// <summary>Consecutive failed status polls (provider down, unreadable answers) after which a Pixazo job fails. Default 10.</summary>
    public int MaxConsecutivePollFailures { get; set; } = 10;

    /// <summary>
    /// Pixazo status polls one orchestration history holds before the job continues as new with its state (so a long
    /// wait never grows the history without bound). Default 20 (about 200 history events).
    /// </summary>
    public int PollsPerGeneration { get; set; } = 20;

    /// <summary>Pixazo submissions per job: a request that ends in <c>ERROR</c> (not charged) is resubmitted until this many. Default 3.</summary>
    public int MaxPixazoSubmissions { get; set; } = 3;

    /// <summary>Generated text up to this many UTF-8 bytes is returned inline in the result as well as stored. Default 16384.</summary>
    public int InlineTextMaxBytes { get; set; } = 16 * 1024;

    /// <summary>Queue that receives a message for every finished job, batch and chain. Default <c>mediagen-results</c>.</summary>
    public string ResultsQueue { get; set; } = "mediagen-results";

    /// <summary>Container of the workflows' own records (Pixazo submissions, so a retried submit never buys twice). Default <c>mediagen-workflows</c>.</summary>
    public string StateContainer { get; set; } = "mediagen-workflows";

    /// <summary>Most items in one batch. Default 1000.</summary>
    public int BatchMaxItems { get; set; } = 1000;

    /// <summary>Items per batch chunk (a sub-orchestration), which bounds each history. Default 50.</summary>
    public int BatchChunkSize { get; set; } = 50;

    /// <summary>Items of one batch generating at once. Default 10.</summary>
    public int BatchConcurrency { get; set; } = 10;

    /// <summary>Most extension prompts in one chain. Default 20.</summary>
    public int ChainMaxSteps { get; set; } = 20;
}
