using System.Security.Cryptography;

namespace MediaGen.Simulator.Cosmic;

/// <summary>Creates stored media and the <c>media</c> objects Cosmic answers with.</summary>
internal sealed class CosmicMediaFactory(MediaStore store, TimeProvider time)
{
    /// <summary>
    /// Generates the file (or, with the <c>size</c> fault, registers a synthetic one served by
    /// <c>/media/synthetic/…</c>) and describes it the way Cosmic does.
    /// </summary>
    public CosmicMedia Create(
        ProviderCall call, string name, string originalName, MediaFormat format, string? folder, string? altText,
        JsonObject metadata, bool isVeoVideo = false, int durationSeconds = 8)
    {
        string id;
        long size;
        string url;
        if (call.Faults.MediaSize is { } syntheticSize)
        {
            id = MediaStore.NewId();
            store.Remember(new StoredMedia(id, name, format, ReadOnlyMemory<byte>.Empty, isVeoVideo));
            size = syntheticSize;
            url = call.Url($"/media/synthetic/{Uri.EscapeDataString(name)}?size={syntheticSize.ToString(CultureInfo.InvariantCulture)}");
        }
        else
        {
            var media = store.Create(name, format, isVeoVideo, durationSeconds);
            id = media.Id;
            size = media.Bytes.Length;
            url = call.Url($"/media/{id}/{Uri.EscapeDataString(name)}");
        }

        return new CosmicMedia(
            id, name, originalName, size, folder, MediaFormats.ContentType(format), BucketId(call),
            time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            url, url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "auto=format", altText, metadata);
    }

    /// <summary>The user's <c>metadata</c> object as a mutable copy, or an empty object.</summary>
    public static JsonObject UserMetadata(JsonElement? metadata) =>
        metadata is { } m ? JsonNode.Parse(m.GetRawText())!.AsObject() : [];

    /// <summary>A short lower-case slug of the prompt for file names (directives dropped).</summary>
    public static string Slug(string prompt)
    {
        var words = prompt.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !w.StartsWith("[sim:", StringComparison.OrdinalIgnoreCase))
            .Take(3)
            .Select(w => new string([.. w.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]))
            .Where(w => w.Length > 0);
        var slug = string.Join('-', words);
        return slug.Length == 0 ? "generated" : slug;
    }

    /// <summary>Shortens text the way the documented audio response does ("Welcome to our podcast...").</summary>
    public static string Excerpt(string text, int max = 24) => text.Length <= max ? text : text[..max].TrimEnd() + "...";

    private static string BucketId(ProviderCall call)
    {
        var slug = call.Context.GetRouteValue("slug")?.ToString() ?? "";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(slug))[..12]);
    }
}
