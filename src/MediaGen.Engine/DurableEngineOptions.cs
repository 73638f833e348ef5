namespace MediaGen.Engine;

/// <summary>
/// How the standalone Durable Task engine runs on the Azure Storage backend (the backend and task-hub layout
/// Durable Functions uses). Bound from the <c>DurableTask</c> section (<c>DurableTask__HubName</c> as an
/// environment variable) and validated at start-up. The storage account is the one named by the
/// <c>AzureWebJobsStorage</c> configuration key, as for the rest of the app.
/// </summary>
public sealed class DurableEngineOptions
{
    /// <summary>The configuration section: <c>DurableTask</c>.</summary>
    public const string SectionName = "DurableTask";

    /// <summary>The configuration key (at the root) of the storage connection string: <c>AzureWebJobsStorage</c>.</summary>
    public const string ConnectionStringKey = "AzureWebJobsStorage";

    /// <summary>
    /// Task hub name: 3–45 letters and digits, starting with a letter (it prefixes the hub's queues, tables and
    /// container). Every process sharing one hub must use the same name. Default <c>MediaGen</c>.
    /// </summary>
    public string HubName { get; set; } = "MediaGen";

    /// <summary>
    /// Control-queue partitions (1–16). Orchestrations are spread over them and every partition is owned by one
    /// worker at a time, so this caps how many processes share orchestration work. Fixed when the hub is first
    /// created: changing it later needs a new hub. Default 4.
    /// </summary>
    public int PartitionCount { get; set; } = 4;

    /// <summary>Orchestration work items (episodes) one process runs at once (1–1000). Default 100.</summary>
    public int MaxConcurrentOrchestrations { get; set; } = 100;

    /// <summary>
    /// Activities one process runs at once (1–1000). Activities here mostly wait on provider calls and blob
    /// copies, so the default is 10 × <see cref="Environment.ProcessorCount"/> (20 on a 2-core machine).
    /// </summary>
    public int MaxConcurrentActivities { get; set; } = 10 * Environment.ProcessorCount;

    /// <summary>
    /// Longest wait between polls of an idle queue (100 ms–1 min); polling backs off up to this when queues are
    /// empty. Low means low latency after idle periods, but every idle partition and the work-item queue are polled
    /// this often: with 4 partitions at 1 s that is about 5 storage transactions per second per process
    /// (~13 million a month), which costs money on a real account. Default 1 s (DTFx's own default is 30 s).
    /// </summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a dequeued control-queue (orchestration) message stays hidden (10 s–1 h). After a worker dies, its
    /// messages reappear to others after this, so it bounds crash recovery (with <see cref="PartitionLeaseInterval"/>).
    /// Too short and messages waiting in a busy worker's buffer reappear while it still holds them: the backend then
    /// deletes with a stale pop receipt, the episode's save fails and runs again (the storage-outage drive's storms at
    /// 30 s; docs/durable.md). Default 2 min, as the Functions app's host.json (DTFx's own default is 5 min).
    /// </summary>
    public TimeSpan ControlQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long a dequeued activity message stays hidden (10 s–1 h). DTFx renews a running activity's message
    /// (checked every 5 s, renewed from 30 s before expiry) while its process lives, so a short value does not re-run
    /// a long provider call; it only bounds how soon an activity of a crashed worker runs again elsewhere.
    /// Default 30 s (DTFx's own default is 5 min).
    /// </summary>
    public TimeSpan WorkItemQueueVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a partition lease lasts without renewal (15 s–5 min; renewed every 10 s). Partitions of a crashed
    /// worker move to another worker after this. Default 30 s.
    /// </summary>
    public TimeSpan PartitionLeaseInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long one read-and-write of the partition lease table may take before the backend gives it up and tries again
    /// (1 s–1 min, under <see cref="PartitionLeaseInterval"/>). Leases are renewed through it every 10 s: if every try
    /// runs past this, the leases are not renewed, expire, and another process takes the partitions while this one may
    /// still be reading their queues for a while (both then handle one instance's messages and fight over them). Real
    /// Azure Storage answers in milliseconds; raise it for a storage emulator on a busy machine. Default 2 s (DTFx's).
    /// </summary>
    public TimeSpan PartitionTableTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How many times one activity message may be delivered before the engine stops running it and fails the activity
    /// (1–100). A message that keeps coming back belongs to an activity whose process died while running it (say, an
    /// activity that crashes its host): unbounded, it would take down every host that picks it up, forever, because the
    /// Azure Storage backend only logs such messages. Past the limit the orchestration sees a failed activity whose
    /// failure names the activity and the count, and fails unless it handles that. A long activity in a live process is
    /// not redelivered (its message is renewed), so this only counts restarts of crashed or killed hosts. Default 5.
    /// </summary>
    public int MaxActivityDeliveryCount { get; set; } = 5;

    /// <summary>
    /// Keep an orchestration's history in memory between episodes, saving a history reload per event at the cost of
    /// memory. Default <c>false</c>.
    /// </summary>
    public bool ExtendedSessionsEnabled { get; set; }

    /// <summary>How long an idle extended session stays in memory (1 s–1 h); used only with <see cref="ExtendedSessionsEnabled"/>. Default 30 s.</summary>
    public TimeSpan ExtendedSessionIdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Control-queue messages fetched per poll (1–32, the Azure Queues maximum). Default 32.</summary>
    public int ControlQueueBatchSize { get; set; } = 32;

    /// <summary>
    /// Control-queue messages one process buffers in memory before it stops fetching (1–1000). Default 64.
    /// </summary>
    public int ControlQueueBufferThreshold { get; set; } = 64;

    /// <summary>
    /// Whether a stop is DTFx's graceful one: it looks every second (for up to 8 s) until its queue fetches and running work
    /// items are done, and so takes at least a second even when idle (its fetches have not yet seen the stop). Off, the stop
    /// releases the partitions and aborts the orchestration sessions at once, then waits only for work items already running
    /// (for up to 8 s); a work item that could not record its result is run again after its visibility timeout. Tests that
    /// start and stop hundreds of short-lived hosts, each on a hub nobody reuses, turn it off. Default <c>true</c>.
    /// </summary>
    public bool GracefulStop { get; set; } = true;

    /// <summary>
    /// This process's identity in partition leases. Must differ between processes sharing a hub. Default empty:
    /// <c>{machine name}-{process id}</c>, so several processes on one machine never mistake each other's leases. A host
    /// restarted under the same id takes its partitions back at once; under a new id it waits until the dead process's
    /// leases expire (<see cref="PartitionLeaseInterval"/> after their last renewal, or a minute after a lease was first
    /// taken, which the backend does not shorten), so a fixed id per host slot shortens crash recovery.
    /// </summary>
    public string WorkerId { get; set; } = "";
}
