namespace MediaGen.StandInHost.Indexing;

/// <summary>Tells the WebJobs SDK where the functions are: only in the type generated from the app's metadata.</summary>
public sealed class GeneratedFunctionsTypeLocator(Type functions) : ITypeLocator
{
    /// <inheritdoc />
    public IReadOnlyList<Type> GetTypes() => [functions];
}
