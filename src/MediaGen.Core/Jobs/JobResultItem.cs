namespace MediaGen.Core.Jobs;

/// <summary>One stored media item of a job.</summary>
/// <param name="BlobUri">Where the item is stored (no SAS token).</param>
/// <param name="ContentType">MIME type of the stored bytes.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="Sha256">SHA-256 of the bytes, lowercase hex.</param>
/// <param name="ProviderId">The provider's id: Pixazo <c>request_id</c>, Cosmic <c>media.id</c>, …</param>
/// <param name="RevisedPrompt">The prompt as the provider rewrote it, when it says.</param>
public sealed record JobResultItem(
    Uri BlobUri,
    string ContentType,
    long Size,
    string Sha256,
    string? ProviderId = null,
    string? RevisedPrompt = null);
