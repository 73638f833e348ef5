using System.Collections.Concurrent;
using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using DurableTask.AzureStorage;

namespace MediaGen.Bench.Common;

/// <summary>
/// Counts the storage requests that go through clients built with its options (an Azure SDK pipeline policy, once per
/// request, retries included), by service and operation. Requests made inside <see cref="Pause"/> are not counted: the
/// benchmark's own observation (reading results after the clock stopped) must not inflate the figure.
/// </summary>
public sealed class StorageRequestCounter
{
    private static readonly AsyncLocal<bool> Paused = new();

    private readonly ConcurrentDictionary<string, long> _byOperation = new(StringComparer.Ordinal);
    private long _total;

    /// <summary>Requests counted since the last <see cref="Reset"/>.</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>Whether requests are counted at all (e.g. only while this counter's own phase runs). Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Stops counting the requests of the calling flow (and the flows it starts) until disposed.</summary>
    public static IDisposable Pause()
    {
        var before = Paused.Value;
        Paused.Value = true;
        return new Resume(before);
    }

    /// <summary>Forgets everything counted so far.</summary>
    public void Reset()
    {
        _byOperation.Clear();
        Interlocked.Exchange(ref _total, 0);
    }

    /// <summary>Counts per operation (e.g. <c>queue GET messages</c>), most frequent first.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> ByOperation() => [.. _byOperation.OrderByDescending(p => p.Value)];

    /// <summary>The engine backend's clients (blob, queue, table) on <paramref name="connectionString"/>, counted here.</summary>
    public StorageAccountClientProvider EngineClients(string connectionString) => new(
        StorageServiceClientProvider.ForBlob(connectionString, Counted(new BlobClientOptions(), "blob")),
        StorageServiceClientProvider.ForQueue(connectionString, Counted(new QueueClientOptions(), "queue")),
        StorageServiceClientProvider.ForTable(connectionString, Counted(new TableClientOptions(), "table")));

    /// <summary>A blob service client on <paramref name="connectionString"/>, counted here.</summary>
    public BlobServiceClient BlobClient(string connectionString) => new(connectionString, Counted(new BlobClientOptions(), "blob"));

    /// <summary>A queue service client (plain-text messages, as the app's) on <paramref name="connectionString"/>, counted here.</summary>
    public QueueServiceClient QueueClient(string connectionString) =>
        new(connectionString, Counted(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None }, "queue"));

    /// <summary>Formats the top <paramref name="count"/> operations per <paramref name="per"/> units (e.g. per job).</summary>
    public string Describe(double per, int count = 12) => string.Join(", ", ByOperation().Take(count)
        .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}={p.Value / per:0.0}")));

    private T Counted<T>(T options, string service)
        where T : ClientOptions
    {
        options.AddPolicy(new CountingPolicy(this, service), HttpPipelinePosition.PerRetry);
        return options;
    }

    private void Count(string operation)
    {
        Interlocked.Increment(ref _total);
        _byOperation.AddOrUpdate(operation, 1, static (_, n) => n + 1);
    }

    /// <summary>e.g. <c>table GET Instances</c>, <c>queue DELETE messages</c>, <c>blob PUT ?comp=lease</c>.</summary>
    private static string Operation(string service, HttpMessage message)
    {
        var uri = message.Request.Uri.ToUri();
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var comp = System.Web.HttpUtility.ParseQueryString(uri.Query)["comp"];
        var what = service switch
        {
            // /account/queue/messages[/id]
            "queue" => segments.Length > 2 ? "messages" : "queue",
            // /account/Table(PartitionKey=…) or /account/Table()?$filter=… or /account/$batch
            "table" => segments.Length > 1 ? TableName(segments[1]) : "tables",
            _ => segments.Length > 2 ? "blob" : "container",
        };
        return $"{service} {message.Request.Method} {what}{(comp is null ? "" : "?comp=" + comp)}";
    }

    /// <summary>The table's kind without the hub prefix: <c>Instances</c>, <c>History</c>, <c>Partitions</c>, <c>$batch</c>.</summary>
    private static string TableName(string segment)
    {
        var name = segment.Split('(')[0];
        foreach (var kind in new[] { "Instances", "History", "Partitions" })
        {
            if (name.EndsWith(kind, StringComparison.Ordinal))
            {
                return kind;
            }
        }

        return name;
    }

    private sealed class CountingPolicy(StorageRequestCounter counter, string service) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message)
        {
            if (counter.Enabled && !Paused.Value)
            {
                counter.Count(Operation(service, message));
            }
        }
    }

    private sealed class Resume(bool before) : IDisposable
    {
        public void Dispose() => Paused.Value = before;
    }
}
