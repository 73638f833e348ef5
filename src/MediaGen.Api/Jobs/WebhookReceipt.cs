namespace MediaGen.Api.Jobs;

/// <summary>The answer to an accepted Pixazo webhook.</summary>
/// <param name="JobId">The job it was for.</param>
/// <param name="Status"><c>accepted</c> (delivered, or a duplicate / late webhook that changed nothing).</param>
public sealed record WebhookReceipt(string JobId, string Status);
