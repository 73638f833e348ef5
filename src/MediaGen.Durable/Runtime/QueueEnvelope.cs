namespace MediaGen.Durable.Runtime;

/// <summary>The body of a queue message: the message itself, or the blob holding a message too large for a queue.</summary>
/// <param name="Message">The message, when it fits.</param>
/// <param name="PayloadBlob">The payload blob's name, when it did not.</param>
internal sealed record QueueEnvelope(WorkMessage? Message, string? PayloadBlob);
