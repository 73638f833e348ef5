namespace MediaGen.Drives;

/// <summary>How the items of a drive's batch ended (<see cref="BatchDrive.CheckAsync"/>).</summary>
/// <param name="Completed">Items Completed.</param>
/// <param name="FailedTyped">Items Failed with a typed error (not <c>internal_error</c>).</param>
/// <param name="Lost">Items the job API does not know.</param>
/// <param name="Stuck">Items still running or pending.</param>
/// <param name="Untyped">Items Failed or Canceled without a typed reason.</param>
/// <param name="FailedTypes">Typed failures by error type.</param>
/// <param name="DuplicatePurchases">Purchases beyond one per item (simulator ledger).</param>
/// <param name="PixazoPollsPerJob">Pixazo status polls per Pixazo item.</param>
public sealed record BatchOutcome(
    int Completed, int FailedTyped, int Lost, int Stuck, int Untyped, IReadOnlyDictionary<string, int> FailedTypes, int DuplicatePurchases, double PixazoPollsPerJob)
{
    /// <summary><see cref="FailedTypes"/> as <c>type:count,…</c>, or <c>none</c>.</summary>
    public string FailedTypesText => FailedTypes.Count == 0 ? "none" : string.Join(',', FailedTypes.Select(t => $"{t.Key}:{t.Value}"));
}
