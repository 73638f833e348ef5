namespace MediaGen.Core.Media;

/// <summary>Structured log events of <see cref="MediaStore"/>; URLs appear without their query string.</summary>
public sealed partial class MediaStore
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 5100, Level = LogLevel.Information,
            Message = "Stored media item {ItemIndex} of job {JobId} ({CopyKind}) as {Container}/{BlobName}: {ContentType}, {Size} bytes, sha256 {Sha256}")]
        public static partial void Stored(ILogger logger, string jobId, int itemIndex, string copyKind, string container, string blobName, string contentType, long size, string sha256);

        [LoggerMessage(EventId = 5101, Level = LogLevel.Warning,
            Message = "Server-side copy of {Source} for job {JobId} item {ItemIndex} failed ({Status} {ErrorCode}); streaming it instead")]
        public static partial void ServerSideCopyFallback(ILogger logger, string jobId, int itemIndex, string source, int status, string errorCode);
    }
}
