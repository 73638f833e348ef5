using Grpc.Core;
using Grpc.Core.Interceptors;
using P = Microsoft.DurableTask.Protobuf;

namespace MediaGen.Workflows.Tests.Support;

/// <summary>
/// Watches the worker's gRPC traffic with the in-process sidecar and records every orchestrator episode: the work item
/// (its new events) and the worker's answer (its actions and custom status). The test host's in-memory backend keeps no
/// readable history (its <c>GetOrchestrationHistoryAsync</c> is not implemented, and the client's history stream only
/// serves histories over 1 MiB), so this is how tests read exact durable times: which timers an episode created, for
/// when, at what orchestration time.
/// </summary>
internal sealed class EpisodeRecorder : Interceptor
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, P.OrchestratorRequest> _running = new(StringComparer.Ordinal);
    private readonly List<Episode> _episodes = [];

    /// <summary>The episodes of an instance (every execution), in the order they ran.</summary>
    public IReadOnlyList<Episode> Of(string instanceId)
    {
        lock (_gate)
        {
            return [.. _episodes.Where(e => e.InstanceId == instanceId)];
        }
    }

    /// <summary>
    /// The episodes of an instance split into its executions (a <c>ContinueAsNew</c> ends one). Not by execution id: the
    /// test host sends a new execution's first episode with the previous execution's id.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<Episode>> Generations(string instanceId)
    {
        var generations = new List<IReadOnlyList<Episode>>();
        var current = new List<Episode>();
        foreach (var episode in Of(instanceId))
        {
            current.Add(episode);
            if (episode.ContinuedAsNew)
            {
                generations.Add(current);
                current = [];
            }
        }

        if (current.Count > 0)
        {
            generations.Add(current);
        }

        return generations;
    }

    /// <summary>Every episode so far, in the order they ran.</summary>
    public IReadOnlyList<Episode> All()
    {
        lock (_gate)
        {
            return [.. _episodes];
        }
    }

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        var call = continuation(request, context);
        if (call.ResponseStream is not IAsyncStreamReader<P.WorkItem> workItems)
        {
            return call;
        }

        var reader = (IAsyncStreamReader<TResponse>)(object)new WorkItemReader(workItems, this);
        return new AsyncServerStreamingCall<TResponse>(reader, call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        if (request is P.OrchestratorResponse response)
        {
            Completed(response);
        }

        return continuation(request, context);
    }

    private void Started(P.OrchestratorRequest request)
    {
        lock (_gate)
        {
            _running[request.InstanceId] = request;
        }
    }

    private void Completed(P.OrchestratorResponse response)
    {
        lock (_gate)
        {
            if (!_running.Remove(response.InstanceId, out var request))
            {
                return;
            }

            var started = request.NewEvents.LastOrDefault(e => e.OrchestratorStarted is not null)?.Timestamp.ToDateTime() ?? DateTime.MinValue;
            _episodes.Add(new Episode(
                request.InstanceId, request.ExecutionId, started, [.. request.NewEvents], [.. response.Actions], response.CustomStatus)
            {
                HistoryLength = request.PastEvents.Count + request.NewEvents.Count,
            });
        }
    }

    /// <summary>Passes the work-item stream through, noting each orchestrator work item.</summary>
    private sealed class WorkItemReader(IAsyncStreamReader<P.WorkItem> inner, EpisodeRecorder recorder) : IAsyncStreamReader<P.WorkItem>
    {
        public P.WorkItem Current => inner.Current;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            var moved = await inner.MoveNext(cancellationToken).ConfigureAwait(false);
            if (moved && inner.Current.OrchestratorRequest is { } orchestrator)
            {
                recorder.Started(orchestrator);
            }

            return moved;
        }
    }
}
