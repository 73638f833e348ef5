namespace MediaGen.Bench.MediaCopy;

/// <summary>
/// The bytes of a synthetic media file of any size, the same on every run: a recognisable signature, then a 1 MiB
/// pseudo-random pattern repeated (cheap to serve at full speed, and the copy's SHA-256 can be checked).
/// </summary>
internal static class SyntheticMedia
{
    public const int PatternSize = 1024 * 1024;

    private static readonly Lazy<byte[]> LazyPattern = new(() =>
    {
        var bytes = new byte[PatternSize];
        new Random(20240601).NextBytes(bytes);
        return bytes;
    });

    public static string ContentTypeFor(string ext) => ext.ToLowerInvariant() switch
    {
        "mp4" => "video/mp4",
        "png" => "image/png",
        "mp3" => "audio/mpeg",
        _ => "application/octet-stream",
    };

    /// <summary>The pattern with the extension's signature at its start (the first MiB only carries it).</summary>
    public static byte[] FirstChunk(string ext)
    {
        var bytes = (byte[])LazyPattern.Value.Clone();
        byte[] head = ext.ToLowerInvariant() switch
        {
            "mp4" => [0, 0, 0, 0x20, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m'],
            "png" => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
            "mp3" => [(byte)'I', (byte)'D', (byte)'3', 4, 0],
            _ => [],
        };
        head.CopyTo(bytes, 0);
        return bytes;
    }

    public static byte[] Pattern => LazyPattern.Value;

    /// <summary>Writes <paramref name="size"/> bytes to <paramref name="write"/> in 1 MiB pieces.</summary>
    public static async Task WriteAsync(string ext, long size, Func<ReadOnlyMemory<byte>, Task> write)
    {
        var first = FirstChunk(ext);
        for (long offset = 0; offset < size; offset += PatternSize)
        {
            var n = (int)Math.Min(PatternSize, size - offset);
            await write((offset == 0 ? first : Pattern).AsMemory(0, n));
        }
    }
}
