namespace MediaGen.Simulator.Media;

/// <summary>Small real media files, generated in code, and headers for synthetic large files.</summary>
public static class MediaSamples
{
    /// <summary>Width and height of generated images: small on purpose, the bytes are what matter.</summary>
    public const int ImageSide = 64;

    /// <summary>A complete small file of <paramref name="format"/>; the seed varies its content.</summary>
    public static byte[] Create(MediaFormat format, int seed, int durationSeconds = 8) => format switch
    {
        MediaFormat.Png => PngEncoder.Encode(ImageSide, ImageSide, seed),
        MediaFormat.Jpeg => JpegEncoder.Encode(ImageSide, ImageSide),
        MediaFormat.Webp => WebpEncoder.Encode(ImageSide, ImageSide, seed),
        MediaFormat.Mp4 => Mp4Writer.Encode(durationSeconds, seed),
        MediaFormat.Mp3 => Mp3Writer.Encode(frames: 20),
        _ => new byte[1024],
    };

    /// <summary>
    /// The leading bytes of a synthetic <paramref name="totalSize"/>-byte file: a valid signature
    /// and, where the format has one, a container header sized for the whole file.
    /// </summary>
    public static byte[] Header(MediaFormat format, long totalSize) => format switch
    {
        MediaFormat.Png => PngEncoder.Header(ImageSide, ImageSide),
        MediaFormat.Jpeg => JpegEncoder.Header(ImageSide, ImageSide),
        MediaFormat.Webp => WebpEncoder.Header(totalSize),
        MediaFormat.Mp4 => Mp4Writer.Header(totalSize),
        MediaFormat.Mp3 => Mp3Writer.Header(),
        _ => [],
    };
}
