namespace MediaGen.Core.Providers;

/// <summary>How a provider delivers a kind: the orchestration that runs its jobs follows from it.</summary>
public enum GenerationFlow
{
    /// <summary>One call answers with the media (or its URL): the synchronous generation orchestration and its generate step.</summary>
    Synchronous,

    /// <summary>A submission returns a request id; the result comes by webhook or by polling (Pixazo's orchestration).</summary>
    SubmitAndWait,
}
