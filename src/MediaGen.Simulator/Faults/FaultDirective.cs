namespace MediaGen.Simulator.Faults;

/// <summary>
/// One parsed fault directive, e.g. <c>429=5*2</c>: name <c>429</c>, value <c>5</c>, applies to
/// the first 2 attempts with the same prompt.
/// </summary>
/// <param name="Name">Lower-case directive name (<c>429</c>, <c>slow</c>, <c>webhook-delay</c>…).</param>
/// <param name="Value">The text after <c>=</c>, if any.</param>
/// <param name="Times">The number after <c>*</c>, if any: fires only for attempts 1..Times.</param>
public sealed record FaultDirective(string Name, string? Value, int? Times)
{
    /// <inheritdoc />
    public override string ToString() =>
        Name + (Value is null ? "" : "=" + Value) + (Times is null ? "" : "*" + Times.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
