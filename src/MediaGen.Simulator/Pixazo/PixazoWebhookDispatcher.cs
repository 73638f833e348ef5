using System.Threading.Channels;

namespace MediaGen.Simulator.Pixazo;

/// <summary>
/// POSTs Pixazo webhook callbacks for real, like the provider: the status document (the same body
/// a poll returns) once the request reaches its final state, and — per fault directives —
/// duplicated, delayed, or followed by a stale PROCESSING payload (out of order).
/// </summary>
internal sealed partial class PixazoWebhookDispatcher(
    IHttpClientFactory httpClients,
    RequestLedger ledger,
    IOptionsMonitor<SimulatorOptions> options,
    TimeProvider time,
    ILogger<PixazoWebhookDispatcher> logger) : BackgroundService
{
    public const string HttpClientName = "pixazo-webhooks";

    private readonly Channel<PixazoJob> _queue = Channel.CreateUnbounded<PixazoJob>();

    public void Schedule(PixazoJob job) => _queue.Writer.TryWrite(job);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var running = new List<Task>();
        try
        {
            await foreach (var job in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                running.RemoveAll(t => t.IsCompleted);
                running.Add(DeliverAsync(job, stoppingToken));
            }
        }
        finally
        {
            // Deliveries observe the same token and end promptly; waiting keeps them off disposed services.
            await Task.WhenAll(running);
        }
    }

    private async Task DeliverAsync(PixazoJob job, CancellationToken ct)
    {
        var o = options.CurrentValue;
        var plan = job.Webhook;
        var sends = new List<(DateTimeOffset At, PixazoStatusResponse Payload)>();
        if (o.PixazoWebhookOnEveryStatus && job.ProcessingFor > TimeSpan.Zero && !plan.OutOfOrder)
        {
            sends.Add((job.ProcessingAt, job.Describe(PixazoRequestStatus.Processing)));
        }

        for (var i = 0; i < plan.Copies; i++)
        {
            sends.Add((job.FinishedAt, job.Describe(job.Outcome)));
        }

        if (plan.OutOfOrder)
        {
            // The earlier state arrives last: receivers must not regress a finished job.
            sends.Add((job.FinishedAt, job.Describe(PixazoRequestStatus.Processing)));
        }

        try
        {
            foreach (var (at, payload) in sends)
            {
                var wait = at + plan.Delay - time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, ct);
                }

                await PostWithRetriesAsync(plan.Url!, payload, o, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: undelivered callbacks are dropped, as when the provider's sender stops.
        }
    }

    private async Task PostWithRetriesAsync(Uri url, PixazoStatusResponse payload, SimulatorOptions o, CancellationToken ct)
    {
        var json = SimulatorJson.Serialize(payload);
        var attempts = Math.Max(1, o.WebhookMaxAttempts);
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            int? status = null;
            string? error = null;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(o.WebhookTimeout);
                using var content = new StringContent(json, Encoding.UTF8, "application/json");
                using var response = await httpClients.CreateClient(HttpClientName).PostAsync(url, content, timeout.Token);
                status = (int)response.StatusCode;
                if (!response.IsSuccessStatusCode)
                {
                    error = $"receiver answered {status}";
                }
            }
            catch (HttpRequestException e)
            {
                error = e.Message;
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                error = "timed out";
            }

            ledger.RecordWebhook(new WebhookDelivery(payload.RequestId, url.AbsoluteUri, payload.Status, attempt, status, error, time.GetUtcNow()));
            if (error is null)
            {
                return;
            }

            LogDeliveryFailed(payload.RequestId, attempt, error);
            if (attempt < attempts)
            {
                await Task.Delay(o.WebhookRetryDelay, time, ct);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook for {RequestId} failed on attempt {Attempt}: {Error}")]
    private partial void LogDeliveryFailed(string requestId, int attempt, string error);
}
