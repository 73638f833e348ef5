using System.Security.Cryptography;
using System.Text;

namespace MediaGen.Durable.Engine;

/// <summary>Name-based (RFC 4122 version 5) GUIDs, as DTFx derives <c>NewGuid()</c>.</summary>
internal static class DeterministicGuid
{
    // The namespace DTFx uses for orchestration GUIDs.
    private static readonly Guid Namespace = new("9e952958-5e33-4daf-827f-2fa12937b875");

    public static Guid Create(string name)
    {
        Span<byte> namespaceBytes = stackalloc byte[16];
        Namespace.TryWriteBytes(namespaceBytes, bigEndian: true, out _);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var buffer = new byte[16 + nameBytes.Length];
        namespaceBytes.CopyTo(buffer);
        nameBytes.CopyTo(buffer, 16);

        // SHA-1 is what version 5 UUIDs are defined with; nothing here is a security boundary.
#pragma warning disable CA5350
        var hash = SHA1.HashData(buffer);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
