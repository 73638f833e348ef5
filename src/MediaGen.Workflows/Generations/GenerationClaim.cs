namespace MediaGen.Workflows.Generations;

/// <summary>What <see cref="GenerationLedger.ClaimAsync"/> found: the step is this caller's to call, already done, or cut off mid-call.</summary>
public sealed class GenerationClaim
{
    private GenerationClaim(GenerationLease? lease, JsonElement? output)
    {
        Lease = lease;
        Output = output;
    }

    /// <summary>A step whose earlier call was cut off (its host died during it): whether the provider sold something is unknown.</summary>
    public static GenerationClaim Interrupted { get; } = new(null, null);

    /// <summary>The caller's claim: call, then <see cref="GenerationLease.CompleteAsync"/> or <see cref="GenerationLease.GiveUpAsync"/>.</summary>
    public GenerationLease? Lease { get; }

    /// <summary>Whether an earlier call of the step recorded its output (read it with <see cref="OutputAs{T}"/>).</summary>
    public bool IsRecorded => Output is not null;

    private JsonElement? Output { get; }

    /// <summary>The output an earlier call of the step recorded.</summary>
    public T OutputAs<T>() =>
        Output is { } output ? output.Deserialize<T>(WorkflowJson.Options)! : throw new InvalidOperationException("Nothing is recorded for this step.");

    internal static GenerationClaim Claimed(GenerationLease lease) => new(lease, null);

    internal static GenerationClaim Recorded(JsonElement output) => new(null, output);
}
