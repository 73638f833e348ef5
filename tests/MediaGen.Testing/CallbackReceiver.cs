using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace MediaGen.Testing;

/// <summary>
/// The completion-callback receiver of the tests, the drives and the benchmarks: a loopback HTTP endpoint that keeps every
/// delivery as received (<see cref="Received"/>) and as a summary (<see cref="Deliveries"/>: delivery id, job id, status,
/// error type, whether its signature verifies with the <c>StandardWebhooks</c> library and the run's signing key), and
/// answers 503 to the first delivery of every job <see cref="RefuseFirst"/> picks, so a sender's retry with the same
/// delivery id can be part of a test.
/// </summary>
public sealed class CallbackReceiver : IAsyncDisposable
{
    private readonly string _signingKey;
    private readonly ConcurrentQueue<CallbackDelivery> _deliveries = new();
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private readonly ConcurrentDictionary<string, int> _seen = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _arrived = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _accepted = new(StringComparer.Ordinal);
    private LoopbackHttpServer? _server;

    private CallbackReceiver(string signingKey, Func<string, bool> refuseFirst)
    {
        _signingKey = signingKey;
        RefuseFirst = refuseFirst;
    }

    /// <summary>Whether the first delivery for a job id is refused with 503.</summary>
    public Func<string, bool> RefuseFirst { get; }

    /// <summary>The URL to give as <c>callbackUrl</c>.</summary>
    public Uri Url => new(_server!.BaseAddress, "callbacks");

    /// <summary>Every delivery received, in order.</summary>
    public IReadOnlyList<CallbackDelivery> Deliveries => [.. _deliveries];

    /// <summary>Every request received, in order, as it came (headers and body).</summary>
    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    /// <summary>
    /// Starts a receiver verifying signatures with <paramref name="signingKey"/> (<c>whsec_…</c>); it refuses the first
    /// delivery of the jobs <paramref name="refuseFirst"/> picks (default: none).
    /// </summary>
    public static async Task<CallbackReceiver> StartAsync(string signingKey, Func<string, bool>? refuseFirst = null)
    {
        var receiver = new CallbackReceiver(signingKey, refuseFirst ?? (_ => false));
        receiver._server = await LoopbackHttpServer.StartAsync(receiver.HandleAsync);
        return receiver;
    }

    /// <summary>Completes when the first delivery for <paramref name="jobId"/> arrives (refused or not).</summary>
    public Task WhenDelivered(string jobId) => Signal(_arrived, jobId).Task;

    /// <summary>Completes when a delivery for <paramref name="jobId"/> is answered 200 (after any refused one).</summary>
    public Task WhenAccepted(string jobId) => Signal(_accepted, jobId).Task;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var received = await ReceivedWebhook.ReadAsync(context.Request);
        string? jobId = null, status = null, errorType = null, @event = null;
        int? index = null;
        try
        {
            using var json = JsonDocument.Parse(received.Body);
            var root = json.RootElement;
            jobId = root.GetProperty("id").GetString();
            status = root.GetProperty("status").GetString();
            errorType = root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object ? error.GetProperty("type").GetString() : null;
            @event = root.TryGetProperty("event", out var named) ? named.GetString() : null;
            index = root.TryGetProperty("index", out var position) && position.ValueKind == JsonValueKind.Number ? position.GetInt32() : null;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // Recorded with null fields: a violation the checks report.
        }

        // Standard Webhooks, checked by the library a customer would use: any entry of the signature list may verify.
        var valid = received.Id.Length > 0 && received.VerifyAnySignature(_signingKey) is null;
        var attempt = _seen.AddOrUpdate(jobId ?? "", 1, (_, n) => n + 1);
        var refused = attempt == 1 && jobId is not null && RefuseFirst(jobId);
        _received.Enqueue(received);
        _deliveries.Enqueue(new CallbackDelivery(received.Id, jobId, status, errorType, valid, refused, @event, index));
        if (jobId is not null)
        {
            Signal(_arrived, jobId).TrySetResult();
            if (!refused)
            {
                Signal(_accepted, jobId).TrySetResult();
            }
        }

        context.Response.StatusCode = refused ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
    }

    private static TaskCompletionSource Signal(ConcurrentDictionary<string, TaskCompletionSource> signals, string jobId) =>
        signals.GetOrAdd(jobId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
