namespace MediaGen.Api.Triggers;

/// <summary>What became of one queue message or inbox blob: the job it started, or why it cannot become one (permanent).</summary>
/// <param name="Started">The job, when it started (or already existed).</param>
/// <param name="Errors">Why it is not a valid job, when it is not.</param>
/// <param name="BudgetRefused">Whether it was refused because the intake caller's budget is spent (then <paramref name="Errors"/> holds that one error).</param>
public sealed record IntakeOutcome(JobStartResult? Started, IReadOnlyList<ValidationError>? Errors, bool BudgetRefused = false);
