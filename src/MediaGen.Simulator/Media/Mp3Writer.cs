namespace MediaGen.Simulator.Media;

/// <summary>
/// Writes an ID3v2.4 tag followed by silent MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz,
/// 417 bytes each, all side information zero).
/// </summary>
internal static class Mp3Writer
{
    public const int FrameLength = 417;

    private static readonly byte[] Id3 = [(byte)'I', (byte)'D', (byte)'3', 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00];

    private static readonly byte[] FrameHeader = [0xFF, 0xFB, 0x90, 0x64];

    public static byte[] Encode(int frames)
    {
        var file = new byte[Id3.Length + (frames * FrameLength)];
        Id3.CopyTo(file, 0);
        for (var f = 0; f < frames; f++)
        {
            FrameHeader.CopyTo(file, Id3.Length + (f * FrameLength));
        }

        return file;
    }

    /// <summary>The ID3 tag and the first frame header: the start of a synthetic large file.</summary>
    public static byte[] Header() => [.. Id3, .. FrameHeader];
}
