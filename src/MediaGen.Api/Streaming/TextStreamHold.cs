using MediaGen.Workflows.Payloads;

namespace MediaGen.Api.Streaming;

/// <summary>What one text stream holds from its caller's budgets until it ends (<see cref="TextStreamSpending"/>).</summary>
/// <param name="Id">The stream's id (<c>stream-…</c>): the key of its reservation.</param>
/// <param name="Budget">The reservation; null when no limit of the caller applies.</param>
/// <param name="Estimate">The stream's estimate in Cosmic tokens.</param>
/// <param name="Model">The text model (null: Cosmic's default), which prices the tokens used.</param>
public sealed record TextStreamHold(string Id, BudgetHold? Budget, JobCost Estimate, string? Model);
