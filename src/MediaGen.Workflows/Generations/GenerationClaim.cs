using MediaGen.Workflows.Payloads;

namespace MediaGen.Workflows.Generations;

/// <summary>What <see cref="GenerationLedger.ClaimAsync"/> found: the step is this caller's to call, already done, or cut off mid-call.</summary>
public sealed class GenerationClaim
{
    private GenerationClaim(GenerationLease? lease, GenerateOutput? output)
    {
        Lease = lease;
        Output = output;
    }

    /// <summary>A step whose earlier call was cut off (its host died during it): whether the provider sold something is unknown.</summary>
    public static GenerationClaim Interrupted { get; } = new(null, null);

    /// <summary>The caller's claim: call, then <see cref="GenerationLease.CompleteAsync"/> or <see cref="GenerationLease.GiveUpAsync"/>.</summary>
    public GenerationLease? Lease { get; }

    /// <summary>The output recorded by an earlier call of the step.</summary>
    public GenerateOutput? Output { get; }

    internal static GenerationClaim Claimed(GenerationLease lease) => new(lease, null);

    internal static GenerationClaim Recorded(GenerateOutput output) => new(null, output);
}
