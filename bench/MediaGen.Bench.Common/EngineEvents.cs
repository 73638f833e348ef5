using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace MediaGen.Bench.Common;

/// <summary>
/// Watches the Azure Storage backend's own structured logs (no storage requests): signals when an instance's row in the
/// Instances table reaches a final status (its <c>InstanceStatusUpdate</c> event, written after the update), counts every
/// backend event by name (duplicate and discarded messages, lease moves…), and keeps the queue delay of each processed
/// message (<c>ProcessingMessage</c>'s age). Instances are named by their ids without the owner prefix job ids carry
/// (<see cref="MediaGen.Workflows.JobOwner.LocalPart"/>): the id a benchmark gave the job service.
/// </summary>
public sealed class EngineEvents : ILoggerProvider
{
    private static readonly HashSet<string> FinalStatuses = new(StringComparer.Ordinal) { "Completed", "Failed", "Terminated", "Canceled" };

    private readonly ConcurrentDictionary<string, TaskCompletionSource<Finished>> _waiting = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _events = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string EventType, int AgeMs)> _ages = new();
    private readonly ConcurrentDictionary<string, byte> _live = new(StringComparer.Ordinal);
    private int _maxLive;

    /// <summary>An instance's final status and when the Instances table said so (<see cref="Stopwatch"/> ticks).</summary>
    public readonly record struct Finished(string RuntimeStatus, long Timestamp);

    /// <summary>
    /// A task that completes when <paramref name="instanceId"/> reaches a final status. Call before starting the instance;
    /// every instance id of one run must be unique.
    /// </summary>
    public Task<Finished> WhenFinished(string instanceId) =>
        _waiting.GetOrAdd(instanceId, _ => new TaskCompletionSource<Finished>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Backend events by name since the last <see cref="Reset"/>, most frequent first.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> Counts() => [.. _events.OrderByDescending(p => p.Value)];

    /// <summary>How many <paramref name="eventName"/> events were logged since the last <see cref="Reset"/>.</summary>
    public long Count(string eventName) => _events.TryGetValue(eventName, out var n) ? n : 0;

    /// <summary>Queue delays (ms) of the messages processed since the last <see cref="Reset"/>, by event type.</summary>
    public IReadOnlyList<(string EventType, int AgeMs)> MessageAges() => [.. _ages];

    /// <summary>Queue delays of the messages processed since the last <see cref="Reset"/>: p50 and p95 per event type.</summary>
    public string DescribeDelays() => string.Join(", ", MessageAges().GroupBy(a => a.EventType).Select(g =>
        $"{g.Key} p50={BenchSettings.Percentile(g.Select(a => (double)a.AgeMs), 50):0} p95={BenchSettings.Percentile(g.Select(a => (double)a.AgeMs), 95):0} ms"));

    /// <summary>Instances whose row says Running now (seen in the backend's updates).</summary>
    public int LiveCount => _live.Count;

    /// <summary>The most instances Running at once since the last <see cref="Reset"/>.</summary>
    public int MaxLive => Volatile.Read(ref _maxLive);

    /// <summary>How many instances whose id starts with <paramref name="prefix"/> reached a final status.</summary>
    public int FinishedCount(string prefix) =>
        _waiting.Count(p => p.Key.StartsWith(prefix, StringComparison.Ordinal) && p.Value.Task.IsCompleted);

    /// <summary>Forgets counts, ages and the live maximum (not the completion signals).</summary>
    public void Reset()
    {
        _events.Clear();
        _ages.Clear();
        Volatile.Write(ref _maxLive, _live.Count);
    }

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) =>
        categoryName.StartsWith("DurableTask.AzureStorage", StringComparison.Ordinal) ? new BackendLogger(this) : NullLogger.Instance;

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private void Observe(EventId eventId, object? state)
    {
        var name = eventId.Name ?? eventId.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _events.AddOrUpdate(name, 1, static (_, n) => n + 1);
        if (state is not IReadOnlyDictionary<string, object> fields)
        {
            return;
        }

        if (name == "InstanceStatusUpdate"
            && fields.TryGetValue("RuntimeStatus", out var status) && status is string runtimeStatus
            && fields.TryGetValue("InstanceId", out var id) && id is string ownedId)
        {
            var instanceId = MediaGen.Workflows.JobOwner.LocalPart(ownedId);
            if (FinalStatuses.Contains(runtimeStatus))
            {
                _live.TryRemove(instanceId, out _);
                var signal = _waiting.GetOrAdd(instanceId, _ => new TaskCompletionSource<Finished>(TaskCreationOptions.RunContinuationsAsynchronously));
                signal.TrySetResult(new Finished(runtimeStatus, Stopwatch.GetTimestamp()));
            }
            else if (_live.TryAdd(instanceId, 0))
            {
                var live = _live.Count;
                for (var max = Volatile.Read(ref _maxLive); live > max && Interlocked.CompareExchange(ref _maxLive, live, max) != max; max = Volatile.Read(ref _maxLive))
                {
                }
            }
        }
        else if (name == "ProcessingMessage" && fields.TryGetValue("Age", out var age) && age is int ageMs
            && fields.TryGetValue("EventType", out var type) && type is string eventType)
        {
            _ages.Enqueue((eventType, ageMs));
        }
    }

    private sealed class BackendLogger(EngineEvents owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Observe(eventId, state);
    }

    private sealed class NullLogger : ILogger
    {
        public static readonly NullLogger Instance = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => false;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
        }
    }
}
