namespace MediaGen.Api.Streaming;

/// <summary>The data of a <c>text</c> event: the next fragment of the answer.</summary>
/// <param name="Text">The fragment.</param>
public sealed record TextStreamFragment(string Text);
