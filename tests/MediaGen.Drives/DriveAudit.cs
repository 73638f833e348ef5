using System.Security.Cryptography;
using System.Text.Json;
using Azure.Storage.Blobs.Models;
using MediaGen.Core.Jobs;
using MediaGen.Core.Media;

namespace MediaGen.Drives;

/// <summary>
/// The checks both drives make against the real parts after a run: the job API's final state of every job, the blobs
/// actually in storage (listed, downloaded and hashed), the results queue (drained) and the callbacks received.
/// Every problem is a line in <see cref="Violations"/>.
/// </summary>
public sealed class DriveAudit(DriveStack stack)
{
    /// <summary>Pixazo status polls (the simulator's count per request id) per Pixazo job, webhook confirmations included; 0 without Pixazo jobs.</summary>
    public static double PixazoPollsPerJob(IReadOnlyDictionary<string, int> polls, int pixazoJobs) =>
        pixazoJobs == 0 ? 0 : (double)polls.Values.Sum() / pixazoJobs;

    private readonly List<string> _violations = [];

    /// <summary>Every violation found, one line each.</summary>
    public IReadOnlyList<string> Violations => _violations;

    /// <summary>Blobs that belong to no item of a finished job's result (extra copies, unknown jobs, failed jobs).</summary>
    public int OrphanBlobs { get; private set; }

    /// <summary>Result items with no blob, or with a blob whose size, hash or type does not match.</summary>
    public int BadBlobs { get; private set; }

    /// <summary>Notification problems: a job without a results-queue message or callback, two ids for one job, a bad signature, a disagreeing copy.</summary>
    public int NotificationViolations { get; private set; }

    /// <summary>Results-queue messages read.</summary>
    public int ResultMessages { get; private set; }

    /// <summary>Results-queue messages that repeat an id already seen (the same notification again; dropped by id).</summary>
    public int ResultDuplicates { get; private set; }

    /// <summary>Callback deliveries received (retries included).</summary>
    public int CallbackDeliveries { get; private set; }

    /// <summary>Adds a violation.</summary>
    public void Fail(string violation)
    {
        lock (_violations)
        {
            _violations.Add(violation);
        }
    }

    /// <summary>The final state of job <paramref name="id"/> from <c>GET /api/jobs/{id}</c>; null if the API does not know it.</summary>
    public async Task<JobState?> GetJobAsync(string id, CancellationToken cancellationToken)
    {
        var (status, body) = await stack.Api.GetAsync($"api/jobs/{Uri.EscapeDataString(id)}", cancellationToken);
        if (status == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        if (status != System.Net.HttpStatusCode.OK || body is null)
        {
            Fail($"{id}: GET /api/jobs answered {(int)status}");
            return null;
        }

        return body.Deserialize<JobState>(JobJson.Options);
    }

    /// <summary>
    /// Lists every blob under <paramref name="container"/>/<paramref name="folder"/>/ and checks it against the finished
    /// jobs: each Completed job has exactly its result items, named <c>{folder}/{jobId}/{index}{ext}</c> (indices 0..n-1,
    /// the extension of the stored content type), with the size and SHA-256 the job reports (downloaded and hashed);
    /// every other blob is an orphan.
    /// </summary>
    public async Task CheckBlobsAsync(string container, string folder, IReadOnlyDictionary<string, JobState> finals, CancellationToken cancellationToken)
    {
        var client = stack.Blobs.GetBlobContainerClient(container);
        var listed = new Dictionary<string, BlobItem>(StringComparer.Ordinal);
        if (await client.ExistsAsync(cancellationToken))
        {
            await foreach (var blob in client.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, folder + "/", cancellationToken))
            {
                listed[blob.Name] = blob;
            }
        }

        var expected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, state) in finals)
        {
            var items = state.Status == JobStatus.Completed ? state.Result?.Items ?? [] : [];
            for (var index = 0; index < items.Count; index++)
            {
                var item = items[index];
                var name = $"{folder}/{id}/{index}{MediaContentTypes.ExtensionFor(item.ContentType)}";
                var reported = Uri.UnescapeDataString(item.BlobUri.AbsolutePath);
                if (!reported.EndsWith($"/{container}/{name}", StringComparison.Ordinal))
                {
                    BadBlobs++;
                    Fail($"{id}: item {index} reported at {item.BlobUri}, expected the deterministic name {container}/{name}");
                }

                expected.Add(name);
                if (!listed.TryGetValue(name, out var blob))
                {
                    BadBlobs++;
                    Fail($"{id}: item {index} has no blob {container}/{name}");
                    continue;
                }

                var (size, sha) = await HashAsync(client.GetBlobClient(name), cancellationToken);
                if (size != item.Size || !string.Equals(sha, item.Sha256, StringComparison.OrdinalIgnoreCase) || blob.Properties.ContentType != item.ContentType)
                {
                    BadBlobs++;
                    Fail($"{id}: blob {name} is {size} bytes sha256 {sha} {blob.Properties.ContentType}; the job reports {item.Size} bytes sha256 {item.Sha256} {item.ContentType}");
                }
            }
        }

        foreach (var name in listed.Keys.Where(n => !expected.Contains(n)).Order(StringComparer.Ordinal))
        {
            OrphanBlobs++;
            Fail($"orphan blob {container}/{name} (no finished job's result names it)");
        }
    }

    /// <summary>
    /// Drains the results queue and checks it against the finished jobs (<paramref name="finals"/>: id → status and error
    /// type): every id has a message; copies of one id (a re-run publish) agree on status and error type, so dropping them
    /// by id is safe; no message for an unknown id.
    /// </summary>
    public async Task CheckResultsQueueAsync(IReadOnlyDictionary<string, (string Status, string? ErrorType)> finals, CancellationToken cancellationToken)
    {
        var queue = stack.ResultsQueueClient();
        var seen = new Dictionary<string, (string Status, string? ErrorType)>(StringComparer.Ordinal);
        if (await queue.ExistsAsync(cancellationToken))
        {
            while (true)
            {
                var batch = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(10), cancellationToken)).Value;
                if (batch.Length == 0)
                {
                    break;
                }

                foreach (var message in batch)
                {
                    ResultMessages++;
                    var (id, status, errorType) = ReadNotification(message.Body.ToString());
                    if (id is null || status is null)
                    {
                        NotificationViolations++;
                        Fail($"results queue: unreadable message {message.MessageId}");
                        continue;
                    }

                    if (seen.TryGetValue(id, out var first))
                    {
                        ResultDuplicates++;
                        if (first != (status, errorType))
                        {
                            NotificationViolations++;
                            Fail($"{id}: results-queue copies disagree: {first} vs ({status}, {errorType})");
                        }
                    }
                    else
                    {
                        seen[id] = (status, errorType);
                    }
                }
            }
        }

        foreach (var (id, final) in finals)
        {
            if (!seen.TryGetValue(id, out var message))
            {
                NotificationViolations++;
                Fail($"{id}: no results-queue message");
            }
            else if (message != final)
            {
                NotificationViolations++;
                Fail($"{id}: results-queue message says {message}, the job API {final}");
            }
        }

        foreach (var id in seen.Keys.Where(id => !finals.ContainsKey(id)))
        {
            NotificationViolations++;
            Fail($"results queue: message for unknown id {id}");
        }
    }

    /// <summary>
    /// Checks the callbacks received against the finished jobs: every job got at least one delivery its receiver accepted,
    /// all deliveries of one job carry one delivery id (retries and re-runs repeat it, so the receiver drops duplicates by
    /// it), every signature verifies, and each delivery's status and error type match the job API.
    /// </summary>
    public void CheckCallbacks(IReadOnlyDictionary<string, (string Status, string? ErrorType)> finals)
    {
        var deliveries = stack.Callbacks.Deliveries;
        CallbackDeliveries = deliveries.Count;
        foreach (var bad in deliveries.Where(d => !d.SignatureValid || d.JobId is null))
        {
            NotificationViolations++;
            Fail($"callback {bad.DeliveryId} for {bad.JobId}: invalid signature or body");
        }

        var byJob = deliveries.Where(d => d.JobId is not null).GroupBy(d => d.JobId!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var (id, final) in finals)
        {
            if (!byJob.TryGetValue(id, out var received) || !received.Any(d => !d.Refused))
            {
                NotificationViolations++;
                Fail($"{id}: no accepted callback delivery ({received?.Count ?? 0} refused)");
                continue;
            }

            if (received.Select(d => d.DeliveryId).Distinct(StringComparer.Ordinal).Count() != 1)
            {
                NotificationViolations++;
                Fail($"{id}: callbacks with {received.Select(d => d.DeliveryId).Distinct(StringComparer.Ordinal).Count()} delivery ids: {string.Join(", ", received.Select(d => d.DeliveryId))}");
            }

            foreach (var delivery in received.Where(d => (d.Status, d.ErrorType) != final))
            {
                NotificationViolations++;
                Fail($"{id}: callback {delivery.DeliveryId} says ({delivery.Status}, {delivery.ErrorType}), the job API {final}");
            }
        }

        foreach (var id in byJob.Keys.Where(id => !finals.ContainsKey(id)))
        {
            NotificationViolations++;
            Fail($"callback for unknown id {id}");
        }
    }

    private static (string? Id, string? Status, string? ErrorType) ReadNotification(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            var errorType = root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object ? error.GetProperty("type").GetString() : null;
            return (root.GetProperty("id").GetString(), root.GetProperty("status").GetString(), errorType);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return (null, null, null);
        }
    }

    private static async Task<(long Size, string Sha256)> HashAsync(Azure.Storage.Blobs.BlobClient blob, CancellationToken cancellationToken)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var stream = await blob.OpenReadAsync(cancellationToken: cancellationToken);
        var buffer = new byte[81920];
        long size = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            sha.AppendData(buffer, 0, read);
            size += read;
        }

        return (size, Convert.ToHexStringLower(sha.GetHashAndReset()));
    }
}
