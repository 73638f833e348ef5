namespace MediaGen.Durable.Client;

/// <summary>Where an orchestration instance is in its life. Values match <c>Microsoft.DurableTask</c>.</summary>
public enum OrchestrationRuntimeStatus
{
    /// <summary>Started and not finished.</summary>
    Running = 0,

    /// <summary>Finished with an output.</summary>
    Completed = 1,

    /// <summary>Restarted itself with a new input; seen only between two executions.</summary>
    ContinuedAsNew = 2,

    /// <summary>Finished with an unhandled failure (see the failure details).</summary>
    Failed = 3,

    /// <summary>Stopped by a terminate request.</summary>
    Terminated = 5,

    /// <summary>Scheduled, not yet started.</summary>
    Pending = 6,
}
