namespace MediaGen.Simulator.Faults;

/// <summary>
/// A fault armed through <c>POST /_simulator/faults</c> or <see cref="SimulatorOptions.Faults"/>:
/// the next <see cref="Count"/> requests matching every given filter get <see cref="Fault"/>.
/// </summary>
public sealed record FaultRule
{
    /// <summary>Only requests to this provider (<c>cosmic</c>, <c>pixazo</c>, <c>comet</c>). Null: any.</summary>
    public string? Provider { get; init; }

    /// <summary>Only requests to this endpoint (a <see cref="SimulatorEndpoints"/> name). Null: any.</summary>
    public string? Endpoint { get; init; }

    /// <summary>Only requests whose prompt contains this text (ordinal). Null: any.</summary>
    public string? PromptContains { get; init; }

    /// <summary>Only status polls of this Pixazo request id. Null: any.</summary>
    public string? RequestId { get; init; }

    /// <summary>
    /// The fault, in the grammar of prompt directives without the brackets, e.g. <c>429=5</c>,
    /// <c>slow=3000</c>, <c>malformed</c>, <c>failed</c>; several separated by commas.
    /// </summary>
    public string Fault { get; init; } = "";

    /// <summary>How many matching requests it applies to; 0 means every one until cleared. Default: 1.</summary>
    public int Count { get; init; } = 1;
}
