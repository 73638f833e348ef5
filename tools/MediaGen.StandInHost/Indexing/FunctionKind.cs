namespace MediaGen.StandInHost.Indexing;

/// <summary>What a generated function returns to its triggering extension, by the kind of its trigger.</summary>
public enum FunctionKind
{
    /// <summary>An orchestrator or entity: the worker's base64 response as a string.</summary>
    DurableString,

    /// <summary>An activity: the worker's result.</summary>
    Activity,

    /// <summary>A queue or blob trigger: success or failure only.</summary>
    Trigger,

    /// <summary>An HTTP trigger: called by the front door; the worker side writes the response.</summary>
    Http,
}
