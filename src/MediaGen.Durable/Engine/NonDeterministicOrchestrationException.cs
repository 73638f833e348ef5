namespace MediaGen.Durable.Engine;

/// <summary>
/// The orchestrator's code no longer produces the actions its history records (it changed while
/// instances were in flight, or it is not deterministic). The instance fails with this error.
/// </summary>
public sealed class NonDeterministicOrchestrationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NonDeterministicOrchestrationException(string message)
        : base("Non-deterministic orchestration: " + message)
    {
    }
}
