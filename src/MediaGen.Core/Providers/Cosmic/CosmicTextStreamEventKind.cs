namespace MediaGen.Core.Providers.Cosmic;

/// <summary>The kinds of event a Cosmic text stream delivers.</summary>
public enum CosmicTextStreamEventKind
{
    /// <summary>A new text fragment.</summary>
    Text,

    /// <summary>Token usage information.</summary>
    Usage,

    /// <summary>The stream completed; always the last event of a successful stream.</summary>
    End,

    /// <summary>The provider reported an error; the last event of a failed stream.</summary>
    Error,
}
