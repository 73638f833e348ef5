namespace MediaGen.Durable.Storage;

/// <summary>A listed blob: its name, metadata and last change.</summary>
/// <param name="Name">The blob name.</param>
/// <param name="Metadata">The blob's metadata.</param>
/// <param name="LastModified">When it last changed (storage clock).</param>
public sealed record BlobEntry(string Name, IReadOnlyDictionary<string, string> Metadata, DateTimeOffset LastModified);
