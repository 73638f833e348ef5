namespace MediaGen.Client;

/// <summary>One stored medium.</summary>
/// <param name="BlobUri">Where it is stored.</param>
/// <param name="ContentType">Its media type.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="Sha256">Its SHA-256, in hex.</param>
public sealed record JobResultItem(Uri BlobUri, string ContentType, long Size, string Sha256)
{
    /// <summary>The provider's own id of it.</summary>
    public string? ProviderId { get; init; }

    /// <summary>The prompt as the provider revised it.</summary>
    public string? RevisedPrompt { get; init; }
}
