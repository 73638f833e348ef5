namespace MediaGen.Engine.TestWorker.Workflows;

/// <summary>Input of <see cref="WebhookOrchestrator"/>: the job's step key prefix and how long its submit step takes.</summary>
public sealed record WebhookJob(string Key, TimeSpan SubmitTime);
