namespace MediaGen.Api.Streaming;

/// <summary>The data of an <c>error</c> event, the last event of a failed stream.</summary>
/// <param name="Message">What went wrong.</param>
/// <param name="ErrorType">The provider error type, e.g. <c>provider_unavailable</c>.</param>
public sealed record TextStreamError(string Message, string ErrorType);
