using System.Diagnostics;
using OpenTelemetry.Trace;

namespace MediaGen.Api.Telemetry;

/// <summary>
/// The root sampler (wrapped in <see cref="ParentBasedSampler"/>, so a span with a parent follows its parent's decision):
/// keeps root spans that start work — an HTTP request, a queue message, an inbox blob, a job start — and drops root spans
/// that are plain outgoing calls (<see cref="ActivityKind.Client"/>), such as the Durable engine's and the Azure SDK's
/// storage polling, so the exported traces are the jobs'.
/// </summary>
public sealed class JobTraceSampler : Sampler
{
    private static readonly SamplingResult Keep = new(SamplingDecision.RecordAndSample);
    private static readonly SamplingResult Drop = new(SamplingDecision.Drop);

    /// <summary>The sampler every MediaGen host uses: parent-based over <see cref="JobTraceSampler"/>.</summary>
    public static Sampler ParentBased() => new ParentBasedSampler(new JobTraceSampler());

    /// <inheritdoc />
    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.Kind == ActivityKind.Client ? Drop : Keep;
}
