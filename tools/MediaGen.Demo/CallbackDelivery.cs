namespace MediaGen.Demo;

/// <summary>One delivery the demo's receiver got: its <c>webhook-id</c>, the job it is about, whether every secret
/// verified it, and whether the receiver refused it on purpose.</summary>
internal sealed record CallbackDelivery(string Id, string? Job, bool Valid, bool Refused);
