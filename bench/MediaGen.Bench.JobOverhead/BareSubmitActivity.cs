using System.Diagnostics;
using MediaGen.Workflows;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace MediaGen.Bench.JobOverhead;

/// <summary>
/// The bare shape's submit: does nothing but have the instance's event raised in the background as soon as it runs, as
/// the instant simulator posts its webhook while the job's submit is still in flight.
/// </summary>
internal sealed class BareSubmitActivity(DurableTaskClient client, JobTimings timings) : TaskActivity<int, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, int input)
    {
        var id = context.InstanceId;
        _ = Task.Run(async () =>
        {
            timings.WebhookReceived.TryAdd(JobOwner.LocalPart(id), Stopwatch.GetTimestamp());
            await client.RaiseEventAsync(id, BareShapeOrchestrator.EventName, true);
        });
        return Task.FromResult(1);
    }
}
