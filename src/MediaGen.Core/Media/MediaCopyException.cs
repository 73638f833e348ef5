namespace MediaGen.Core.Media;

/// <summary>
/// The one failure type of <see cref="MediaStore"/> and <see cref="OutboundUrlGuard"/>. The message names the
/// problem and the source without its query string (which may hold a SAS token or signature).
/// </summary>
public sealed class MediaCopyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MediaCopyException(MediaCopyErrorKind kind, string message, int? sourceStatus = null, bool isTransient = false, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        SourceStatus = sourceStatus;
        IsTransient = isTransient;
    }

    /// <summary>What went wrong.</summary>
    public MediaCopyErrorKind Kind { get; }

    /// <summary>The HTTP status the source answered with, for <see cref="MediaCopyErrorKind.SourceFailed"/>.</summary>
    public int? SourceStatus { get; }

    /// <summary>Whether running the copy again may succeed (source 408/429/5xx, stalls, connection and storage faults).</summary>
    public bool IsTransient { get; }

    /// <summary>
    /// Snake-case error code for job errors and logs: <c>blocked_url</c>, <c>too_large</c>, <c>source_failed</c>,
    /// <c>invalid_data</c>, <c>storage_failed</c>, <c>unsupported_media_type</c>, <c>container_not_allowed</c>.
    /// </summary>
    public string Code => WireNames.Of(Kind);

    /// <summary>A URL as it may appear in logs and messages: scheme, host, port and path only.</summary>
    public static string Redact(Uri url) =>
        url.IsAbsoluteUri ? url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped) : "(relative URL)";
}
