using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using DurableTask.AzureStorage;

namespace MediaGen.Testing;

/// <summary>
/// Counts and times the storage requests that go through clients built with its options (an Azure SDK pipeline policy,
/// once per attempt), by service and operation. Requests made inside <see cref="Pause"/> are not counted: the
/// benchmark's own observation (reading results after the clock stopped) must not inflate the figure.
/// </summary>
public sealed class StorageRequestCounter
{
    private static readonly AsyncLocal<bool> Paused = new();

    private readonly ConcurrentDictionary<string, Operation> _operations = new(StringComparer.Ordinal);
    private long _total;
    private long _elapsedTicks;

    /// <summary>Requests counted since the last <see cref="Reset"/>.</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>Mean time from sending a counted request to its response (ms): how busy the storage service is.</summary>
    public double MeanLatencyMs => Total == 0 ? 0 : TimeSpan.FromTicks(Interlocked.Read(ref _elapsedTicks) / Total).TotalMilliseconds;

    /// <summary>Whether requests are counted at all (e.g. only while this counter's own phase runs). Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Where the requests of clients built here are recorded: another counter (e.g. the current phase's, when one engine
    /// runs several phases), or this one when null.
    /// </summary>
    public StorageRequestCounter? RecordInto { get; set; }

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
        _operations.Clear();
        Interlocked.Exchange(ref _total, 0);
        Interlocked.Exchange(ref _elapsedTicks, 0);
    }

    /// <summary>Count and mean latency (ms) per operation (e.g. <c>queue GET messages</c>), most frequent first.</summary>
    public IReadOnlyList<(string Operation, long Count, double MeanMs)> ByOperation() =>
        [.. _operations.Select(p => (p.Key, p.Value.Count, p.Value.MeanMs)).OrderByDescending(o => o.Count)];

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

    /// <summary>The top <paramref name="count"/> operations: count per <paramref name="per"/> units (e.g. per job) and mean latency.</summary>
    public string Describe(double per, int count = 12) => string.Join(", ", ByOperation().Take(count)
        .Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.Operation}={o.Count / per:0.0} ({o.MeanMs:0.0} ms)")));

    private T Counted<T>(T options, string service)
        where T : ClientOptions
    {
        options.AddPolicy(new CountingPolicy(this, service), HttpPipelinePosition.PerRetry);
        return options;
    }

    /// <summary>e.g. <c>table GET History</c>, <c>queue DELETE messages</c>, <c>blob PUT blob?comp=block</c>.</summary>
    private static string NameOf(string service, HttpMessage message)
    {
        var uri = message.Request.Uri.ToUri();
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var comp = System.Web.HttpUtility.ParseQueryString(uri.Query)["comp"];
        var what = service switch
        {
            // /account/queue/messages[/id]
            "queue" => segments.Length > 2 ? "messages" : "queue",
            // /account/Table(PartitionKey=…) or /account/Table()?$filter=… or /account/$batch
            "table" => segments.Length > 1 ? TableKind(segments[1]) : "tables",
            _ => segments.Length > 2 ? "blob" : "container",
        };
        return $"{service} {message.Request.Method} {what}{(comp is null ? "" : "?comp=" + comp)}";
    }

    /// <summary>The table's kind without the hub prefix (<c>Instances</c>, <c>History</c>, <c>Partitions</c>), and whether it is a point read.</summary>
    private static string TableKind(string segment)
    {
        var name = segment.Split('(')[0];
        var point = segment.Contains("PartitionKey=", StringComparison.Ordinal) ? " (point)" : "";
        foreach (var kind in new[] { "Instances", "History", "Partitions" })
        {
            if (name.EndsWith(kind, StringComparison.Ordinal))
            {
                return kind + point;
            }
        }

        return name + point;
    }

    private sealed class Operation
    {
        private long _count;
        private long _ticks;

        public long Count => Interlocked.Read(ref _count);

        public double MeanMs => Count == 0 ? 0 : TimeSpan.FromTicks(Interlocked.Read(ref _ticks) / Count).TotalMilliseconds;

        public void Add(long ticks)
        {
            Interlocked.Increment(ref _count);
            Interlocked.Add(ref _ticks, ticks);
        }
    }

    private sealed class CountingPolicy(StorageRequestCounter counter, string service) : HttpPipelinePolicy
    {
        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            var counted = counter.Enabled && !Paused.Value;
            var started = Stopwatch.GetTimestamp();
            ProcessNext(message, pipeline);
            Record(message, counted, started);
        }

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            var counted = counter.Enabled && !Paused.Value;
            var started = Stopwatch.GetTimestamp();
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
            Record(message, counted, started);
        }

        private void Record(HttpMessage message, bool counted, long started)
        {
            if (!counted)
            {
                return;
            }

            var ticks = Stopwatch.GetElapsedTime(started).Ticks;
            var target = counter.RecordInto ?? counter;
            Interlocked.Increment(ref target._total);
            Interlocked.Add(ref target._elapsedTicks, ticks);
            target._operations.GetOrAdd(NameOf(service, message), static _ => new Operation()).Add(ticks);
        }
    }

    private sealed class Resume(bool before) : IDisposable
    {
        public void Dispose() => Paused.Value = before;
    }
}
