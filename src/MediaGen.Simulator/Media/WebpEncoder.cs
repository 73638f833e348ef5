namespace MediaGen.Simulator.Media;

/// <summary>
/// Writes a decodable lossless (VP8L) WebP of one flat colour: five single-symbol prefix codes,
/// so every pixel costs zero bits.
/// </summary>
internal static class WebpEncoder
{
    public static byte[] Encode(int width, int height, int seed)
    {
        var bits = new BitWriter();
        bits.Write(0x2F, 8); // VP8L signature
        bits.Write((uint)(width - 1), 14);
        bits.Write((uint)(height - 1), 14);
        bits.Write(0, 1); // alpha hint
        bits.Write(0, 3); // version
        bits.Write(0, 1); // no transform
        bits.Write(0, 1); // no colour cache
        bits.Write(0, 1); // no meta prefix codes
        foreach (var symbol in new[] { (byte)(seed >> 8), (byte)seed, (byte)(seed >> 16), (byte)0xFF })
        {
            // green, red, blue, alpha: simple code, one symbol, 8-bit symbol
            bits.Write(1, 1);
            bits.Write(0, 1);
            bits.Write(1, 1);
            bits.Write(symbol, 8);
        }

        bits.Write(1, 1); // distance: simple code, one 1-bit symbol 0
        bits.Write(0, 1);
        bits.Write(0, 1);
        bits.Write(0, 1);
        return Riff(bits.ToArray());
    }

    /// <summary>RIFF/WEBP/VP8L headers for a synthetic file of <paramref name="totalSize"/> bytes.</summary>
    public static byte[] Header(long totalSize)
    {
        var header = new byte[20];
        WriteAscii(header, 0, "RIFF");
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), (uint)Math.Min(totalSize - 8, uint.MaxValue));
        WriteAscii(header, 8, "WEBP");
        WriteAscii(header, 12, "VP8L");
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(16), (uint)Math.Min(Math.Max(totalSize - 20, 0), uint.MaxValue));
        return header;
    }

    private static byte[] Riff(byte[] vp8l)
    {
        var padded = vp8l.Length + (vp8l.Length % 2);
        var file = new byte[20 + padded];
        WriteAscii(file, 0, "RIFF");
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), (uint)(file.Length - 8));
        WriteAscii(file, 8, "WEBP");
        WriteAscii(file, 12, "VP8L");
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(16), (uint)vp8l.Length);
        vp8l.CopyTo(file, 20);
        return file;
    }

    private static void WriteAscii(byte[] target, int offset, string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            target[offset + i] = (byte)text[i];
        }
    }

    /// <summary>Least-significant-bit-first writer, as VP8L reads.</summary>
    private sealed class BitWriter
    {
        private readonly List<byte> _bytes = [];
        private int _used;

        public void Write(uint value, int count)
        {
            for (var i = 0; i < count; i++)
            {
                if (_used == 0)
                {
                    _bytes.Add(0);
                }

                if (((value >> i) & 1) != 0)
                {
                    _bytes[^1] |= (byte)(1 << _used);
                }

                _used = (_used + 1) % 8;
            }
        }

        public byte[] ToArray() => [.. _bytes];
    }
}
