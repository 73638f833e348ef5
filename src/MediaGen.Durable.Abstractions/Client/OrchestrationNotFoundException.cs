namespace MediaGen.Durable.Client;

/// <summary>
/// The instance a request addressed does not exist: an event or terminate request for it is not
/// delivered anywhere, so the caller must know (e.g. answer 404 to a webhook).
/// </summary>
public sealed class OrchestrationNotFoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OrchestrationNotFoundException(string instanceId)
        : base($"No orchestration instance with id '{instanceId}' exists.") => InstanceId = instanceId;

    /// <summary>The instance id that was not found.</summary>
    public string InstanceId { get; }
}
