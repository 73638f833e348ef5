namespace MediaGen.StandInHost.Invocation;

/// <summary>A value crossing the host↔worker boundary: the subset of the protocol's <c>TypedData</c> this app needs.</summary>
public abstract record BindingValue
{
    private BindingValue()
    {
    }

    /// <summary>Plain text (<c>TypedData.string</c>).</summary>
    public sealed record Text(string Value) : BindingValue;

    /// <summary>JSON text (<c>TypedData.json</c>).</summary>
    public sealed record Json(string Value) : BindingValue;

    /// <summary>Bytes (<c>TypedData.bytes</c>).</summary>
    public sealed record Bytes(ReadOnlyMemory<byte> Value) : BindingValue;

    /// <summary>A deferred (SDK-type) binding's reference (<c>TypedData.model_binding_data</c>), e.g. a queue message or a blob.</summary>
    public sealed record ModelBindingData(string Version, string Source, string ContentType, ReadOnlyMemory<byte> Content) : BindingValue;
}
