namespace MediaGen.Core.Jobs;

/// <summary>A short-lived read link to one stored item of a job.</summary>
/// <param name="Index">The item's position in the job's result.</param>
/// <param name="ContentType">MIME type of the stored bytes.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="Sha256">SHA-256 of the bytes, lowercase hex.</param>
/// <param name="Url">A read-only SAS URL of the blob, or null when none could be made (see <paramref name="Problem"/>).</param>
/// <param name="ExpiresAt">When <paramref name="Url"/> stops working.</param>
/// <param name="Problem">Why there is no URL.</param>
public sealed record MediaPreview(int Index, string ContentType, long Size, string Sha256, Uri? Url, DateTimeOffset? ExpiresAt, string? Problem = null);
