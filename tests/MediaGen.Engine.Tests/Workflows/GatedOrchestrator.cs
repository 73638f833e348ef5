using Microsoft.DurableTask;

namespace MediaGen.Engine.Tests.Workflows;

/// <summary>Its first episode waits at the instance's <see cref="EpisodeGate"/>; then it returns the <c>Go</c> event's payload.</summary>
public sealed class GatedOrchestrator : TaskOrchestrator<string?, string>
{
    /// <summary>The event that completes the instance.</summary>
    public const string GoEvent = "Go";

    /// <inheritdoc />
    public override Task<string> RunAsync(TaskOrchestrationContext context, string? input)
    {
        if (!context.IsReplaying)
        {
            EpisodeGate.Hold(context.InstanceId);
        }

        return context.WaitForExternalEvent<string>(GoEvent);
    }
}
