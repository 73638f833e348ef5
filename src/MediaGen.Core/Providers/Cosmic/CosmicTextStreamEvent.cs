namespace MediaGen.Core.Providers.Cosmic;

/// <summary>One event of a streamed text generation.</summary>
/// <param name="Kind">What the event carries.</param>
/// <param name="Text">The fragment, for <see cref="CosmicTextStreamEventKind.Text"/>.</param>
/// <param name="Usage">The usage, for <see cref="CosmicTextStreamEventKind.Usage"/>.</param>
/// <param name="Error">The provider's error message, for <see cref="CosmicTextStreamEventKind.Error"/>.</param>
public sealed record CosmicTextStreamEvent(CosmicTextStreamEventKind Kind, string? Text = null, CosmicUsage? Usage = null, string? Error = null)
{
    /// <summary>A text fragment.</summary>
    public static CosmicTextStreamEvent Fragment(string text) => new(CosmicTextStreamEventKind.Text, Text: text);

    /// <summary>Token usage.</summary>
    public static CosmicTextStreamEvent ForUsage(CosmicUsage usage) => new(CosmicTextStreamEventKind.Usage, Usage: usage);

    /// <summary>The end of the stream.</summary>
    public static CosmicTextStreamEvent End { get; } = new(CosmicTextStreamEventKind.End);

    /// <summary>A provider error.</summary>
    public static CosmicTextStreamEvent ForError(string message) => new(CosmicTextStreamEventKind.Error, Error: message);
}
