namespace MediaGen.Simulator.Media;

/// <summary>Extension and content type of each <see cref="MediaFormat"/>.</summary>
public static class MediaFormats
{
    /// <summary>The MIME type served for a format.</summary>
    public static string ContentType(MediaFormat format) => format switch
    {
        MediaFormat.Png => "image/png",
        MediaFormat.Jpeg => "image/jpeg",
        MediaFormat.Webp => "image/webp",
        MediaFormat.Mp4 => "video/mp4",
        MediaFormat.Mp3 => "audio/mpeg",
        _ => "application/octet-stream",
    };

    /// <summary>The file extension, without a dot.</summary>
    public static string Extension(MediaFormat format) => format switch
    {
        MediaFormat.Png => "png",
        MediaFormat.Jpeg => "jpg",
        MediaFormat.Webp => "webp",
        MediaFormat.Mp4 => "mp4",
        MediaFormat.Mp3 => "mp3",
        _ => "bin",
    };

    /// <summary>The format for a file extension (without a dot); unknown extensions are <see cref="MediaFormat.Binary"/>.</summary>
    public static MediaFormat FromExtension(string extension) => extension.ToLowerInvariant() switch
    {
        "png" => MediaFormat.Png,
        "jpg" or "jpeg" => MediaFormat.Jpeg,
        "webp" => MediaFormat.Webp,
        "mp4" => MediaFormat.Mp4,
        "mp3" => MediaFormat.Mp3,
        _ => MediaFormat.Binary,
    };
}
