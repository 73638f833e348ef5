using System.Diagnostics;
using MediaGen.Workflows;
using MediaGen.Workflows.Activities;
using MediaGen.Workflows.Payloads;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace MediaGen.Bench.JobOverhead;

/// <summary>The real <see cref="CopyMediaActivity"/>, noting when the blob was committed.</summary>
internal sealed class TimedCopyMediaActivity(IServiceProvider services, JobTimings timings) : TaskActivity<CopyInput, CopyOutput>
{
    public override async Task<CopyOutput> RunAsync(TaskActivityContext context, CopyInput input)
    {
        var result = await ActivatorUtilities.CreateInstance<CopyMediaActivity>(services).RunAsync(context, input);
        timings.BlobCommitted[JobOwner.LocalPart(context.InstanceId)] = Stopwatch.GetTimestamp();
        return result;
    }
}
