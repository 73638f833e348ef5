using MediaGen.Api.Jobs;

namespace MediaGen.Functions.Http;

/// <summary>Pixazo's webhook, answered by the standalone host's handler. Anonymous: the per-job secret in the URL is the credential.</summary>
public sealed class WebhookHttpFunctions(JobServiceFactory jobs, RequestBody body)
{
    /// <summary><c>POST /api/webhooks/pixazo/{id}?secret=…</c>.</summary>
    [Function(nameof(ReceivePixazoWebhook))]
    public Task<IResult> ReceivePixazoWebhook(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/pixazo/{id}")] HttpRequest req,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        WebhookEndpoints.ReceiveAsync(id, req.HttpContext, body, jobs.Create<PixazoWebhookReceiver>(client), cancellationToken);
}
