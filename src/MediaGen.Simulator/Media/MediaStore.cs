using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace MediaGen.Simulator.Media;

/// <summary>
/// Media the simulator generated, kept across ledger resets so URLs handed out earlier keep
/// working for in-flight copies.
/// </summary>
public sealed class MediaStore
{
    private readonly ConcurrentDictionary<string, StoredMedia> _media = new(StringComparer.Ordinal);

    /// <summary>A new 24-hex-character id, shaped like Cosmic's.</summary>
    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    /// <summary>Generates a small file of <paramref name="format"/> and stores it.</summary>
    public StoredMedia Create(string name, MediaFormat format, bool isVeoVideo = false, int durationSeconds = 8)
    {
        var id = NewId();
        var media = new StoredMedia(id, name, format, MediaSamples.Create(format, id.GetHashCode(StringComparison.Ordinal), durationSeconds), isVeoVideo);
        _media[id] = media;
        return media;
    }

    /// <summary>Remembers media served elsewhere (synthetic large files) so it can be looked up by id.</summary>
    public void Remember(StoredMedia media)
    {
        ArgumentNullException.ThrowIfNull(media);
        _media[media.Id] = media;
    }

    /// <summary>Finds generated media by id.</summary>
    public bool TryGet(string id, out StoredMedia media) => _media.TryGetValue(id, out media!);
}
