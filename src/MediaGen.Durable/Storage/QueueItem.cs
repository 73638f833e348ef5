namespace MediaGen.Durable.Storage;

/// <summary>A received queue message.</summary>
/// <param name="MessageId">The message's id in its queue.</param>
/// <param name="PopReceipt">Proof of this receipt, needed to delete or hide it again.</param>
/// <param name="DequeueCount">How many times it has been received, this time included.</param>
/// <param name="Body">The text.</param>
public sealed record QueueItem(string MessageId, string PopReceipt, long DequeueCount, string Body);
