using System.Globalization;
using System.Text;
using MediaGen.Durable.Hosting;
using MediaGen.Durable.Storage;

namespace MediaGen.Durable.Runtime;

/// <summary>
/// The storage layout of one task hub: a control queue per partition (messages to orchestrations), one
/// work-item queue (activities), a dead-letter queue, and containers for instance state, leases and
/// large payloads.
/// </summary>
internal sealed class TaskHub
{
    private readonly IMessageQueue[] _control;
    private readonly Lock _createLock = new();
    private Task? _created;

    public TaskHub(IDurableStorage storage, DurableRuntimeOptions options)
    {
        Storage = storage;
        Options = options;
        var hub = options.HubName;
        _control = [.. Enumerable.Range(0, options.PartitionCount).Select(p => storage.GetQueue($"{hub}-control-{p:D2}"))];
        WorkItems = storage.GetQueue($"{hub}-workitems");
        DeadLetters = storage.GetQueue($"{hub}-deadletter");
        Instances = storage.GetBlobStore($"{hub}-instances");
        Leases = storage.GetBlobStore($"{hub}-leases");
        Payloads = storage.GetBlobStore($"{hub}-payloads");
    }

    public IDurableStorage Storage { get; }

    public DurableRuntimeOptions Options { get; }

    public int PartitionCount => _control.Length;

    public IMessageQueue WorkItems { get; }

    public IMessageQueue DeadLetters { get; }

    public IBlobStore Instances { get; }

    public IBlobStore Leases { get; }

    public IBlobStore Payloads { get; }

    public IMessageQueue Control(int partition) => _control[partition];

    /// <summary>The partition owning an instance: a stable hash (FNV-1a) of its id, the same in every process.</summary>
    public int PartitionOf(string instanceId)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(instanceId))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash % (uint)_control.Length);
    }

    public static string PartitionLeaseName(int partition) => "partitions/" + partition.ToString("D2", CultureInfo.InvariantCulture);

    /// <summary>Creates the queues, containers and lease blobs once per process; checks the partition count matches the hub's.</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        lock (_createLock)
        {
            if (_created is null || _created.IsFaulted || _created.IsCanceled)
            {
                _created = CreateAsync(cancellationToken);
            }

            return _created;
        }
    }

    private async Task CreateAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(
            [.. _control.Select(q => q.CreateIfNotExistsAsync(cancellationToken)),
             WorkItems.CreateIfNotExistsAsync(cancellationToken),
             DeadLetters.CreateIfNotExistsAsync(cancellationToken),
             Instances.CreateIfNotExistsAsync(cancellationToken),
             Leases.CreateIfNotExistsAsync(cancellationToken),
             Payloads.CreateIfNotExistsAsync(cancellationToken)]).ConfigureAwait(false);

        var info = BinaryData.FromString(PartitionCount.ToString(CultureInfo.InvariantCulture));
        await Leases.WriteAsync("taskhub", info, new Dictionary<string, string>(), ifMatch: null, cancellationToken).ConfigureAwait(false);
        var stored = await Leases.ReadAsync("taskhub", cancellationToken).ConfigureAwait(false);
        if (stored is not null && stored.Content.ToString() != info.ToString())
        {
            throw new InvalidOperationException(
                $"Task hub '{Options.HubName}' was created with {stored.Content} partitions; Durable:PartitionCount is {PartitionCount}. Use the hub's count or a new hub name.");
        }

        for (var p = 0; p < PartitionCount; p++)
        {
            await Leases.WriteAsync(PartitionLeaseName(p), BinaryData.FromString(""), new Dictionary<string, string>(), ifMatch: null, cancellationToken).ConfigureAwait(false);
        }
    }
}
