using System.Collections.Concurrent;

namespace MediaGen.Engine.Tests.Workflows;

/// <summary>
/// Holds the first episode of a <see cref="GatedOrchestrator"/> instance on its dispatcher thread while a test keeps the
/// instance's gate shut, so the backend's session for the instance stays busy and buffers the instance's next messages.
/// </summary>
public static class EpisodeGate
{
    private static readonly ConcurrentDictionary<string, Gate> Gates = new(StringComparer.Ordinal);

    /// <summary>Shuts the gate of <paramref name="instanceId"/>; disposing the gate opens it.</summary>
    public static Gate Shut(string instanceId)
    {
        var gate = new Gate(instanceId);
        Gates[instanceId] = gate;
        return gate;
    }

    /// <summary>Blocks while the gate of <paramref name="instanceId"/> is shut (at most the hang guard); returns at once without one.</summary>
    public static void Hold(string instanceId)
    {
        if (Gates.TryGetValue(instanceId, out var gate))
        {
            gate.Hold();
        }
    }

    /// <summary>One instance's gate.</summary>
    public sealed class Gate(string instanceId) : IDisposable
    {
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ManualResetEventSlim _open = new();

        /// <summary>Completes once an episode is held at the gate.</summary>
        public Task Entered => _entered.Task;

        /// <summary>Lets the held episode go on.</summary>
        public void Open() => _open.Set();

        /// <inheritdoc />
        public void Dispose()
        {
            Gates.TryRemove(new KeyValuePair<string, Gate>(instanceId, this));
            _open.Set();
        }

        internal void Hold()
        {
            _entered.TrySetResult();
            _open.Wait(MediaGen.Testing.Waits.HangGuard);
        }
    }
}
