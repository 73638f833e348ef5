namespace MediaGen.Core.Providers;

/// <summary>What a synchronous provider call delivered.</summary>
/// <param name="ToCopy">Items still at the provider (a URL or a data URI), to copy into Blob Storage.</param>
/// <param name="Stored">Items stored during the call: generated text, and base64 images that exist only in the response.</param>
/// <param name="Text">Generated text, when small enough to return inline.</param>
/// <param name="Usage">Token usage the provider reported.</param>
/// <param name="ProviderId">The provider's id of the (first) item, e.g. the Cosmic media id a chain extends next.</param>
public sealed record Generation(
    IReadOnlyList<GeneratedMedia> ToCopy,
    IReadOnlyList<JobResultItem> Stored,
    string? Text = null,
    JobUsage? Usage = null,
    string? ProviderId = null);
