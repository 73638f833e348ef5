namespace MediaGen.Drives;

/// <summary>One planned job of the storm.</summary>
/// <param name="Index">Its number in the run.</param>
/// <param name="Type">What it is.</param>
/// <param name="Fault">The fault injected into it, or null for a clean job.</param>
/// <param name="Prompt">Its prompt: unique in the run, carrying the fault directive.</param>
public sealed record StormJob(int Index, StormJobType Type, StormFault? Fault, string Prompt)
{
    /// <summary>The expected final status.</summary>
    public string ExpectedStatus => Fault?.Status ?? "Completed";

    /// <summary>The expected error type (null when it completes).</summary>
    public string? ExpectedErrorType => Fault?.ErrorType;

    /// <summary>Fewest purchases allowed.</summary>
    public int MinPurchases => Fault?.MinPurchases ?? 1;

    /// <summary>Most purchases allowed.</summary>
    public int MaxPurchases => Fault?.MaxPurchases ?? 1;
}
