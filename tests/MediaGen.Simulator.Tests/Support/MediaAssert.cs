using System.Buffers.Binary;
using System.IO.Compression;

namespace MediaGen.Simulator.Tests.Support;

/// <summary>Checks media bytes structurally, not just their first bytes.</summary>
internal static class MediaAssert
{
    /// <summary>
    /// A complete PNG: signature, IHDR, IDAT that inflates to height × (1 + 3 × width), IEND — the last with the CRC-32
    /// every PNG ends with (AE 42 60 82, the CRC of the chunk type "IEND": a known answer for the chunk CRCs).
    /// </summary>
    public static void IsPng(byte[] png)
    {
        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        var offset = 8;
        int width = 0, height = 0;
        using var idat = new MemoryStream();
        var types = new List<string>();
        while (offset < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var type = Encoding.ASCII.GetString(png, offset + 4, 4);
            types.Add(type);
            var data = png.AsSpan(offset + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }

            offset += 12 + length;
        }

        Assert.Equal(["IHDR", "IDAT", "IEND"], types);
        Assert.Equal([0, 0, 0, 0, (byte)'I', (byte)'E', (byte)'N', (byte)'D', 0xAE, 0x42, 0x60, 0x82], png[^12..]);
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionMode.Decompress))
        {
            z.CopyTo(inflated);
        }

        Assert.Equal(height * (1 + (3 * width)), inflated.Length);
    }

    /// <summary>A JPEG: SOI, a baseline frame header, EOI at the end.</summary>
    public static void IsJpeg(byte[] jpeg)
    {
        Assert.Equal([0xFF, 0xD8, 0xFF], jpeg[..3]);
        Assert.Equal([0xFF, 0xD9], jpeg[^2..]);
        Assert.True(IndexOf(jpeg, [0xFF, 0xC0]) > 0, "no baseline SOF0 marker");
    }

    /// <summary>An ISO media file whose top-level boxes start with ftyp and exactly tile the file.</summary>
    public static void IsMp4(byte[] mp4)
    {
        Assert.Equal("ftyp", Encoding.ASCII.GetString(mp4, 4, 4));
        long offset = 0;
        var boxes = new List<string>();
        while (offset < mp4.Length)
        {
            var size = BinaryPrimitives.ReadUInt32BigEndian(mp4.AsSpan((int)offset));
            boxes.Add(Encoding.ASCII.GetString(mp4, (int)offset + 4, 4));
            Assert.True(size >= 8, "box smaller than its header");
            offset += size;
        }

        Assert.Equal(mp4.Length, offset);
        Assert.Contains("mdat", boxes);
    }

    /// <summary>An ID3v2 tag followed by an MPEG audio frame sync.</summary>
    public static void IsMp3(byte[] mp3)
    {
        Assert.Equal("ID3", Encoding.ASCII.GetString(mp3, 0, 3));
        var tagSize = (mp3[6] << 21) | (mp3[7] << 14) | (mp3[8] << 7) | mp3[9];
        var frame = 10 + tagSize;
        Assert.Equal(0xFF, mp3[frame]);
        Assert.Equal(0xE0, mp3[frame + 1] & 0xE0);
    }

    /// <summary>A RIFF/WEBP file with a lossless VP8L chunk whose sizes match the file.</summary>
    public static void IsWebp(byte[] webp)
    {
        Assert.Equal("RIFF", Encoding.ASCII.GetString(webp, 0, 4));
        Assert.Equal((uint)(webp.Length - 8), BinaryPrimitives.ReadUInt32LittleEndian(webp.AsSpan(4)));
        Assert.Equal("WEBPVP8L", Encoding.ASCII.GetString(webp, 8, 8));
        Assert.Equal(0x2F, webp[20]);
    }

    private static int IndexOf(byte[] data, byte[] pattern) => data.AsSpan().IndexOf(pattern);
}
