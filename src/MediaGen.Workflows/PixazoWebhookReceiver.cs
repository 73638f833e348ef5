using MediaGen.Workflows.Pixazo;

namespace MediaGen.Workflows;

/// <summary>Pixazo's webhooks: the URL a Pixazo job is given, its secret check, and the delivery of a status to the job.</summary>
/// <param name="client">The engine's client (Functions: the invocation's <c>[DurableClient]</c>).</param>
/// <param name="webhooks">The webhook URL scheme and secrets.</param>
public sealed class PixazoWebhookReceiver(DurableTaskClient client, PixazoWebhooks webhooks)
{
    /// <summary>Largest webhook body read; Pixazo's status is a few hundred bytes.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>The <c>X-Webhook-URL</c> Pixazo jobs are given (contains the job's secret), or null when webhooks are off.</summary>
    public string? UrlFor(string jobId) => webhooks.UrlFor(jobId);

    /// <summary>
    /// Whether <paramref name="secret"/> is <paramref name="jobId"/>'s Pixazo webhook secret (constant time; false when
    /// webhooks are off). The HTTP layer asks before it reads the body, so an unauthenticated caller gets nothing read.
    /// </summary>
    public bool IsSecretValid(string jobId, string? secret)
    {
        ArgumentNullException.ThrowIfNull(jobId);
        return webhooks.Verify(jobId, secret);
    }

    /// <summary>
    /// Receives a Pixazo webhook for <paramref name="jobId"/>. The secret is checked first, in constant time (so an
    /// unknown id and a wrong secret look alike to anyone without the key); then the job must exist and be a Pixazo job;
    /// then the body must be a Pixazo status (<see cref="PixazoWebhookPayload"/>). Only then is it delivered to the job; a
    /// duplicate, or a webhook after the job ended, is accepted and changes nothing.
    /// </summary>
    public async Task<PixazoWebhookResult> ReceiveAsync(string jobId, string? secret, ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jobId);
        if (!webhooks.Verify(jobId, secret))
        {
            return PixazoWebhookResult.InvalidSecret;
        }

        var instance = await client.GetInstanceAsync(jobId, false, cancellationToken).ConfigureAwait(false);
        if (instance is null || instance.Name != nameof(PixazoGenerationOrchestrator))
        {
            return PixazoWebhookResult.UnknownJob;
        }

        PixazoStatusReport report;
        try
        {
            report = PixazoStatusReport.From(PixazoWebhookPayload.Read(body));
        }
        catch (RequestValidationException)
        {
            // The caller names the problems (PixazoWebhookPayload.Problems); nothing changed.
            return PixazoWebhookResult.InvalidPayload;
        }

        if (instance.IsCompleted)
        {
            return PixazoWebhookResult.Accepted;
        }

        // A job that ended meanwhile takes the webhook as a duplicate; one that vanished is unknown.
        var (raised, now) = await InstanceEvents.TryRaiseAsync(client, instance, WorkflowEvents.PixazoWebhook, report, cancellationToken).ConfigureAwait(false);
        return raised || now is not null ? PixazoWebhookResult.Accepted : PixazoWebhookResult.UnknownJob;
    }
}
