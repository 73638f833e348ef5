namespace MediaGen.Core.Providers.Cosmic;

/// <summary>One message of a chat-style text request.</summary>
/// <param name="Role"><c>user</c> or <c>assistant</c>.</param>
/// <param name="Content">The message text.</param>
public sealed record CosmicMessage(string Role, string Content);
