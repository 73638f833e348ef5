namespace MediaGen.Api.Streaming;

/// <summary>The data of the <c>end</c> event, the last event of a complete stream (an empty object).</summary>
public sealed record TextStreamEnd;
