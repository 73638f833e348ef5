namespace MediaGen.Client;

/// <summary>Why a job failed or was canceled.</summary>
/// <param name="Type">The error's type, e.g. <c>content_policy</c>, <c>timeout</c>, <c>canceled</c>.</param>
/// <param name="Message">What happened.</param>
/// <param name="Field">The request field it concerns, when there is one.</param>
public sealed record JobError(string Type, string Message, string? Field = null);
