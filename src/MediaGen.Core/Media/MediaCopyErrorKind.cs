namespace MediaGen.Core.Media;

/// <summary>Why a media copy failed; the wire form (<c>blocked_url</c>, …) is <see cref="MediaCopyException.Code"/>.</summary>
public enum MediaCopyErrorKind
{
    /// <summary>The URL is not http(s), carries credentials, or points at an address that may not be fetched.</summary>
    [JsonStringEnumMemberName(JobErrorCodes.BlockedUrl)]
    BlockedUrl,

    /// <summary>The media is larger than <see cref="MediaStoreOptions.MaxBytes"/>.</summary>
    [JsonStringEnumMemberName(JobErrorCodes.TooLarge)]
    TooLarge,

    /// <summary>The source answered with an error status, too many redirects, stalled or could not be reached.</summary>
    [JsonStringEnumMemberName(JobErrorCodes.SourceFailed)]
    SourceFailed,

    /// <summary>Inline data is not valid base64 / data-URI content, or the media is empty.</summary>
    [JsonStringEnumMemberName(JobErrorCodes.InvalidData)]
    InvalidData,

    /// <summary>Blob Storage refused or failed the write.</summary>
    [JsonStringEnumMemberName(JobErrorCodes.StorageFailed)]
    StorageFailed,

    /// <summary>
    /// The media's content type is not one the job's kind stores (<see cref="MediaContentTypes.IsAllowed"/>): e.g. HTML or
    /// JSON where an image was due. Nothing is committed.
    /// </summary>
    [JsonStringEnumMemberName(JobErrorCodes.UnsupportedMediaType)]
    UnsupportedMediaType,

    /// <summary>The target container is not an output container (<see cref="MediaStoreOptions.OutputContainers"/>); nothing is written.</summary>
    [JsonStringEnumMemberName(JobErrorCodes.ContainerNotAllowed)]
    ContainerNotAllowed,
}
