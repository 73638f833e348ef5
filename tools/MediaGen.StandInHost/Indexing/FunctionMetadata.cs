namespace MediaGen.StandInHost.Indexing;

/// <summary>One function of the app's <c>functions.metadata</c>.</summary>
/// <param name="Name">The function's name.</param>
/// <param name="Bindings">Its bindings, in the generated order.</param>
public sealed record FunctionMetadata(string Name, IReadOnlyList<BindingMetadata> Bindings)
{
    /// <summary>The function's one trigger.</summary>
    public BindingMetadata Trigger => Bindings.Single(b => b.IsTrigger);
}
