namespace MediaGen.Durable.Engine;

/// <summary>A pending external-event wait, whatever its payload type.</summary>
internal interface IEventWaiter
{
    bool IsDone { get; }

    void Deliver(string? payload);
}
