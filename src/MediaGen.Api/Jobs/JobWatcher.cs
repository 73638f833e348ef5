using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace MediaGen.Api.Jobs;

/// <summary>
/// Watches jobs, chains and batches for the event streams and the waiting starts (<c>Prefer: wait</c>): one read loop per
/// watched id, shared by every watcher of it, so storage is read once per job per interval however many clients watch
/// (the interval doubles from <see cref="ApiOptions.WatchPollMilliseconds"/> up to
/// <see cref="ApiOptions.WatchMaxPollMilliseconds"/> while nothing changes). The loop stops when the job ends, vanishes,
/// or its last watcher leaves. No thread is held while waiting.
/// </summary>
public sealed partial class JobWatcher(IOptions<ApiOptions> options, TimeProvider time, ILogger<JobWatcher> logger)
{
    private readonly ConcurrentDictionary<string, Loop> _loops = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly IOptions<ApiOptions> _options = options;
    private readonly TimeProvider _time = time;
    private readonly ILogger _logger = logger;

    /// <summary>Read loops running now (one per watched id).</summary>
    public int ActiveLoops => _loops.Count;

    /// <summary>
    /// The snapshots of <paramref name="id"/> as they change: the current one first, then each change, ending after the
    /// final one (or when the job vanishes). <paramref name="read"/> reads it (null: gone); the loop of an id already
    /// watched keeps the reader it started with. Enumerating holds no thread; leaving it stops watching.
    /// </summary>
    public async IAsyncEnumerable<JobSnapshot> WatchAsync(
        string id, Func<CancellationToken, Task<JobSnapshot?>> read, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(read);
        Loop loop;
        Channel<JobSnapshot> channel;
        lock (_gate)
        {
            if (!_loops.TryGetValue(id, out loop!))
            {
                loop = new Loop(this, id, read);
                _loops[id] = loop;
                loop.Start();
            }

            channel = loop.Subscribe();
        }

        try
        {
            await foreach (var snapshot in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return snapshot;
                if (snapshot.IsFinal)
                {
                    yield break;
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                if (loop.Unsubscribe(channel))
                {
                    _loops.TryRemove(new KeyValuePair<string, Loop>(id, loop));
                }
            }
        }
    }

    /// <summary>
    /// Waits up to <paramref name="timeout"/> for <paramref name="id"/> to end: its final snapshot, or null when it has not
    /// ended by then (or vanished). Canceling <paramref name="cancellationToken"/> stops the wait, never the job.
    /// </summary>
    public async Task<JobSnapshot?> WaitForFinalAsync(
        string id, Func<CancellationToken, Task<JobSnapshot?>> read, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        waiting.CancelAfter(timeout);
        try
        {
            await foreach (var snapshot in WatchAsync(id, read, waiting.Token).ConfigureAwait(false))
            {
                if (snapshot.IsFinal)
                {
                    return snapshot;
                }
            }
        }
        catch (OperationCanceledException) when (waiting.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // The wait is over; the job goes on.
        }

        return null;
    }

    /// <summary>One id's read loop and its watchers' channels (each holding the latest snapshot it has not taken yet).</summary>
    private sealed class Loop(JobWatcher owner, string id, Func<CancellationToken, Task<JobSnapshot?>> read)
    {
        private readonly List<Channel<JobSnapshot>> _watchers = [];
        private readonly CancellationTokenSource _stop = new();
        private JobSnapshot? _latest;
        private bool _ended;

        public void Start() => _ = Task.Run(RunAsync);

        /// <summary>A new watcher's channel, holding the latest snapshot when there is one. Called under the owner's gate.</summary>
        public Channel<JobSnapshot> Subscribe()
        {
            var channel = Channel.CreateBounded<JobSnapshot>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
            if (_latest is not null)
            {
                channel.Writer.TryWrite(_latest);
            }

            if (_ended)
            {
                channel.Writer.TryComplete();
            }
            else
            {
                _watchers.Add(channel);
            }

            return channel;
        }

        /// <summary>Removes a watcher; true when it was the last one, and the loop stops. Called under the owner's gate.</summary>
        public bool Unsubscribe(Channel<JobSnapshot> channel)
        {
            _watchers.Remove(channel);
            if (_ended)
            {
                return true;
            }

            if (_watchers.Count > 0)
            {
                return false;
            }

            _ended = true;
            _stop.Cancel();
            return true;
        }

        private async Task RunAsync()
        {
            var settings = owner._options.Value;
            var fastest = TimeSpan.FromMilliseconds(settings.WatchPollMilliseconds);
            var slowest = TimeSpan.FromMilliseconds(Math.Max(settings.WatchPollMilliseconds, settings.WatchMaxPollMilliseconds));
            var delay = fastest;
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    JobSnapshot? snapshot;
                    try
                    {
                        snapshot = await read(_stop.Token).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (!_stop.IsCancellationRequested)
                    {
                        // A failed read (storage briefly away) changes nothing the watchers saw: read again later.
                        LogReadFailed(owner._logger, ex, id);
                        delay = Slower(delay, slowest);
                        await Task.Delay(delay, owner._time, _stop.Token).ConfigureAwait(false);
                        continue;
                    }

                    var changed = snapshot is not null && snapshot.Version != _latest?.Version;
                    if (Publish(snapshot))
                    {
                        return;
                    }

                    delay = changed ? fastest : Slower(delay, slowest);
                    await Task.Delay(delay, owner._time, _stop.Token).ConfigureAwait(false);
                }
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                // The last watcher left (a read canceled midway may fail in its own way): nothing to report.
            }
            finally
            {
                lock (owner._gate)
                {
                    // Under the gate, after End: Unsubscribe cancels only a loop that has not ended.
                    End();
                    owner._loops.TryRemove(new KeyValuePair<string, Loop>(id, this));
                    _stop.Dispose();
                }
            }
        }

        /// <summary>Hands a changed snapshot to every watcher; true when the loop is done (the job ended or vanished).</summary>
        private bool Publish(JobSnapshot? snapshot)
        {
            lock (owner._gate)
            {
                if (snapshot is not null && snapshot.Version != _latest?.Version)
                {
                    _latest = snapshot;
                    foreach (var watcher in _watchers)
                    {
                        watcher.Writer.TryWrite(snapshot);
                    }
                }

                if (snapshot is null || snapshot.IsFinal)
                {
                    End();
                    return true;
                }

                return false;
            }
        }

        /// <summary>Completes every watcher's channel (after the snapshot it holds). Called under the owner's gate.</summary>
        private void End()
        {
            _ended = true;
            foreach (var watcher in _watchers)
            {
                watcher.Writer.TryComplete();
            }

            _watchers.Clear();
        }

        private static TimeSpan Slower(TimeSpan delay, TimeSpan slowest) => delay * 2 < slowest ? delay * 2 : slowest;
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Reading watched job {JobId} failed; reading it again later")]
    private static partial void LogReadFailed(ILogger logger, Exception exception, string jobId);
}
