namespace MediaGen.Durable.Storage;

/// <summary>A blob's content and the ETag a conditional write must match.</summary>
/// <param name="Content">The bytes.</param>
/// <param name="ETag">The version.</param>
public sealed record StoredBlob(BinaryData Content, string ETag);
