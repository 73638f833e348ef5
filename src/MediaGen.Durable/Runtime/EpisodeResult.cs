namespace MediaGen.Durable.Runtime;

/// <summary>What processing a batch of messages for one instance decided.</summary>
/// <param name="State">The new state to store, or null when nothing changed.</param>
/// <param name="Sends">Messages to send once the state is stored (its outbox), or replies when nothing is stored.</param>
internal sealed record EpisodeResult(InstanceState? State, IReadOnlyList<WorkMessage> Sends)
{
    public static EpisodeResult Unchanged { get; } = new(null, []);
}
