using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MediaGen.Testing;
using Microsoft.AspNetCore.Http;

namespace MediaGen.Drives;

/// <summary>
/// A completion-callback receiver on a loopback port: records every delivery (delivery id, job id, status, error type,
/// whether its signature verifies) and answers 503 to the first delivery of every job <see cref="RefuseFirst"/> picks,
/// so the host's retry with the same delivery id is part of every drive.
/// </summary>
public sealed class CallbackReceiver : IAsyncDisposable
{
    private readonly byte[] _key;
    private readonly ConcurrentQueue<CallbackDelivery> _deliveries = new();
    private readonly ConcurrentDictionary<string, int> _seen = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _arrived = new(StringComparer.Ordinal);
    private LoopbackHttpServer? _server;

    private CallbackReceiver(string signingKey, Func<string, bool> refuseFirst)
    {
        _key = Convert.FromBase64String(signingKey["whsec_".Length..]);
        RefuseFirst = refuseFirst;
    }

    /// <summary>Whether the first delivery for a job id is refused with 503.</summary>
    public Func<string, bool> RefuseFirst { get; }

    /// <summary>The URL to give as <c>callbackUrl</c>.</summary>
    public Uri Url => new(_server!.BaseAddress, "callbacks");

    /// <summary>Every delivery received, in order.</summary>
    public IReadOnlyList<CallbackDelivery> Deliveries => [.. _deliveries];

    /// <summary>Starts a receiver verifying signatures with <paramref name="signingKey"/>.</summary>
    public static async Task<CallbackReceiver> StartAsync(string signingKey, Func<string, bool> refuseFirst)
    {
        var receiver = new CallbackReceiver(signingKey, refuseFirst);
        receiver._server = await LoopbackHttpServer.StartAsync(receiver.HandleAsync);
        return receiver;
    }

    /// <summary>Completes when the first delivery for <paramref name="jobId"/> arrives (refused or not).</summary>
    public Task WhenDelivered(string jobId) => Signal(jobId).Task;

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
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var delivery = context.Request.Headers["webhook-id"].ToString();
        var timestamp = context.Request.Headers["webhook-timestamp"].ToString();
        var signature = context.Request.Headers["webhook-signature"].ToString();
        string? jobId = null, status = null, errorType = null;
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            jobId = root.GetProperty("id").GetString();
            status = root.GetProperty("status").GetString();
            errorType = root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object ? error.GetProperty("type").GetString() : null;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // Recorded with null fields: a violation the checks report.
        }

        var valid = Verify(delivery, timestamp, body, signature);
        var attempt = _seen.AddOrUpdate(jobId ?? "", 1, (_, n) => n + 1);
        var refused = attempt == 1 && jobId is not null && RefuseFirst(jobId);
        _deliveries.Enqueue(new CallbackDelivery(delivery, jobId, status, errorType, valid, refused));
        if (jobId is not null)
        {
            Signal(jobId).TrySetResult();
        }

        context.Response.StatusCode = refused ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
    }

    private TaskCompletionSource Signal(string jobId) =>
        _arrived.GetOrAdd(jobId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private bool Verify(string delivery, string timestamp, byte[] body, string signature)
    {
        if (delivery.Length == 0 || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return false;
        }

        var signed = Encoding.UTF8.GetBytes($"{delivery}.{timestamp}.").Concat(body).ToArray();
        // Standard Webhooks: "v1,<base64 HMAC-SHA256 of id.timestamp.body>", one space-separated entry per signing key.
        var expected = Encoding.ASCII.GetBytes("v1," + Convert.ToBase64String(HMACSHA256.HashData(_key, signed)));
        return signature.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(entry => CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(entry)));
    }
}
