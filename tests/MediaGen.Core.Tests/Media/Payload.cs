using System.Security.Cryptography;

namespace MediaGen.Core.Tests.Media;

/// <summary>Deterministic test media: recognisable signatures followed by position-derived bytes.</summary>
public static class Payload
{
    /// <summary>Byte <c>i</c> of the stream is a function of <c>i</c> alone; bytes 4..11 read "ftypisom" (an MP4 signature).</summary>
    public static void Fill(Span<byte> target, long offset)
    {
        ReadOnlySpan<byte> head = [0, 0, 0, 0x20, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m'];
        for (var i = 0; i < target.Length; i++)
        {
            var position = offset + i;
            target[i] = position < head.Length ? head[(int)position] : (byte)((position * 131) ^ (position >> 11));
        }
    }

    public static byte[] Stream(long size)
    {
        var bytes = new byte[size];
        Fill(bytes, 0);
        return bytes;
    }

    public static byte[] Png(int size) => WithHead([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], size);

    public static byte[] Jpeg(int size) => WithHead([0xFF, 0xD8, 0xFF, 0xE0], size);

    public static byte[] Mp3(int size) => WithHead("ID3"u8.ToArray(), size);

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static byte[] WithHead(byte[] head, int size)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        head.CopyTo(bytes, 0);
        return bytes;
    }
}
