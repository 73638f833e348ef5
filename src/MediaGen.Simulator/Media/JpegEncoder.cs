namespace MediaGen.Simulator.Media;

/// <summary>
/// Writes a decodable baseline greyscale JPEG of a flat mid-grey: every 8×8 block is a zero DC
/// difference and an end-of-block, so one-symbol Huffman tables make the scan two bits per block.
/// </summary>
internal static class JpegEncoder
{
    public static byte[] Encode(int width, int height)
    {
        using var jpeg = new MemoryStream();
        jpeg.Write(Header(width, height));
        var blocks = (long)((width + 7) / 8) * ((height + 7) / 8);
        var bits = blocks * 2;
        var scan = new byte[(bits + 7) / 8];
        var spare = (int)((scan.Length * 8) - bits);
        if (spare > 0)
        {
            scan[^1] = (byte)((1 << spare) - 1); // pad the last byte with 1-bits, as the standard asks
        }

        jpeg.Write(scan);
        jpeg.Write([0xFF, 0xD9]); // EOI
        return jpeg.ToArray();
    }

    /// <summary>Everything up to the entropy-coded scan: SOI, JFIF, tables, frame and scan headers.</summary>
    public static byte[] Header(int width, int height)
    {
        using var jpeg = new MemoryStream();
        jpeg.Write([0xFF, 0xD8]); // SOI
        jpeg.Write([0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
        var dqt = new byte[69];
        dqt[0] = 0xFF; dqt[1] = 0xDB; dqt[2] = 0x00; dqt[3] = 67; dqt[4] = 0x00;
        Array.Fill(dqt, (byte)1, 5, 64);
        jpeg.Write(dqt);
        var sof = new byte[] { 0xFF, 0xC0, 0x00, 0x0B, 0x08, 0, 0, 0, 0, 0x01, 0x01, 0x11, 0x00 };
        BinaryPrimitives.WriteUInt16BigEndian(sof.AsSpan(5), (ushort)height);
        BinaryPrimitives.WriteUInt16BigEndian(sof.AsSpan(7), (ushort)width);
        jpeg.Write(sof);
        jpeg.Write(HuffmanTable(0x00)); // DC table 0: one code '0' for category 0
        jpeg.Write(HuffmanTable(0x10)); // AC table 0: one code '0' for EOB
        jpeg.Write([0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00]); // SOS
        return jpeg.ToArray();
    }

    private static byte[] HuffmanTable(byte classAndId)
    {
        var dht = new byte[22];
        dht[0] = 0xFF; dht[1] = 0xC4; dht[2] = 0x00; dht[3] = 20;
        dht[4] = classAndId;
        dht[5] = 1; // one code of length 1
        dht[21] = 0x00; // the symbol
        return dht;
    }
}
