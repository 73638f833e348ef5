namespace MediaGen.Simulator.Media;

/// <summary>
/// Writes ISO base media boxes: <c>ftyp</c>, a movie header (<c>moov/mvhd</c>) and an
/// <c>mdat</c> holding the payload. Enough for signature sniffing and box walkers, not a playable clip.
/// </summary>
internal static class Mp4Writer
{
    public static byte[] Encode(int durationSeconds, int seed)
    {
        var payload = new byte[4096];
        new Random(seed).NextBytes(payload);
        using var mp4 = new MemoryStream();
        mp4.Write(Ftyp());
        mp4.Write(Moov(durationSeconds));
        mp4.Write(MdatHeader(payload.Length));
        mp4.Write(payload);
        return mp4.ToArray();
    }

    /// <summary><c>ftyp</c> plus an <c>mdat</c> header spanning the rest of a <paramref name="totalSize"/>-byte file.</summary>
    public static byte[] Header(long totalSize)
    {
        var ftyp = Ftyp();
        var bodyWithSmallHeader = totalSize - ftyp.Length - 8;
        var mdat = bodyWithSmallHeader >= 0 && bodyWithSmallHeader + 8 <= uint.MaxValue
            ? MdatHeader(bodyWithSmallHeader)
            : MdatHeader(Math.Max(totalSize - ftyp.Length - 16, 0));
        return [.. ftyp, .. mdat];
    }

    private static byte[] Ftyp()
    {
        var box = new byte[28];
        BinaryPrimitives.WriteUInt32BigEndian(box, 28);
        "ftypisom"u8.CopyTo(box.AsSpan(4));
        BinaryPrimitives.WriteUInt32BigEndian(box.AsSpan(12), 0x200);
        "isomiso2mp41"u8.CopyTo(box.AsSpan(16));
        return box;
    }

    private static byte[] Moov(int durationSeconds)
    {
        const int MvhdSize = 108;
        var box = new byte[8 + MvhdSize];
        BinaryPrimitives.WriteUInt32BigEndian(box, (uint)box.Length);
        "moov"u8.CopyTo(box.AsSpan(4));
        var mvhd = box.AsSpan(8);
        BinaryPrimitives.WriteUInt32BigEndian(mvhd, MvhdSize);
        "mvhd"u8.CopyTo(mvhd[4..]);
        // version 0, flags 0, creation and modification time 0
        BinaryPrimitives.WriteUInt32BigEndian(mvhd[20..], 1000); // timescale
        BinaryPrimitives.WriteUInt32BigEndian(mvhd[24..], (uint)(durationSeconds * 1000));
        BinaryPrimitives.WriteUInt32BigEndian(mvhd[28..], 0x00010000); // rate 1.0
        BinaryPrimitives.WriteUInt16BigEndian(mvhd[32..], 0x0100); // volume 1.0
        // identity matrix
        BinaryPrimitives.WriteUInt32BigEndian(mvhd[44..], 0x00010000);
        BinaryPrimitives.WriteUInt32BigEndian(mvhd[60..], 0x00010000);
        BinaryPrimitives.WriteUInt32BigEndian(mvhd[76..], 0x40000000);
        BinaryPrimitives.WriteUInt32BigEndian(mvhd[104..], 2); // next track id
        return box;
    }

    private static byte[] MdatHeader(long payloadLength)
    {
        if (payloadLength + 8 <= uint.MaxValue)
        {
            var small = new byte[8];
            BinaryPrimitives.WriteUInt32BigEndian(small, (uint)(payloadLength + 8));
            "mdat"u8.CopyTo(small.AsSpan(4));
            return small;
        }

        // Payloads of 4 GiB and more need the 64-bit 'largesize' form.
        var large = new byte[16];
        BinaryPrimitives.WriteUInt32BigEndian(large, 1);
        "mdat"u8.CopyTo(large.AsSpan(4));
        BinaryPrimitives.WriteUInt64BigEndian(large.AsSpan(8), (ulong)(payloadLength + 16));
        return large;
    }
}
