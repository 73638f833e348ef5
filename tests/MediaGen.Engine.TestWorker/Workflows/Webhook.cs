namespace MediaGen.Engine.TestWorker.Workflows;

/// <summary>The payload of <see cref="WebhookOrchestrator.EventName"/>: a provider's request id and status.</summary>
public sealed record Webhook(string RequestId, string Status);
