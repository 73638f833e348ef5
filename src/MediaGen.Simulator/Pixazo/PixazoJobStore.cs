using System.Collections.Concurrent;

namespace MediaGen.Simulator.Pixazo;

/// <summary>Submitted Pixazo requests by id; kept across ledger resets so in-flight polls keep working.</summary>
internal sealed class PixazoJobStore
{
    private readonly ConcurrentDictionary<string, PixazoJob> _jobs = new(StringComparer.Ordinal);

    public void Add(PixazoJob job) => _jobs[job.RequestId] = job;

    public PixazoJob? Find(string requestId) => _jobs.GetValueOrDefault(requestId);
}
