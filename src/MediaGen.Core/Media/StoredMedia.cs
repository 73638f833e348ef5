namespace MediaGen.Core.Media;

/// <summary>A media item committed to Blob Storage.</summary>
/// <param name="BlobUri">The blob's URI (no SAS).</param>
/// <param name="Container">The container.</param>
/// <param name="BlobName">The blob name, see <see cref="MediaBlobNames.For"/>.</param>
/// <param name="ContentType">The blob's Content-Type.</param>
/// <param name="Size">Length in bytes.</param>
/// <param name="Sha256">SHA-256 of the content, lowercase hex.</param>
public sealed record StoredMedia(Uri BlobUri, string Container, string BlobName, string ContentType, long Size, string Sha256);
