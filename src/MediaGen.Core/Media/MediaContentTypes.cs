namespace MediaGen.Core.Media;

/// <summary>Content types of media: sniffing from the leading bytes, choosing between declared and sniffed, file extensions.</summary>
public static class MediaContentTypes
{
    /// <summary>The type stored when nothing better is known.</summary>
    public const string OctetStream = "application/octet-stream";

    /// <summary>How many leading bytes <see cref="Sniff"/> looks at, at most.</summary>
    public const int SniffLength = 64;

    private static readonly Dictionary<string, string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["image/png"] = ".png",
        ["image/jpeg"] = ".jpg",
        ["image/gif"] = ".gif",
        ["image/webp"] = ".webp",
        ["image/avif"] = ".avif",
        ["image/heic"] = ".heic",
        ["image/bmp"] = ".bmp",
        ["video/mp4"] = ".mp4",
        ["video/quicktime"] = ".mov",
        ["video/webm"] = ".webm",
        ["video/x-matroska"] = ".mkv",
        ["audio/mpeg"] = ".mp3",
        ["audio/wav"] = ".wav",
        ["audio/x-wav"] = ".wav",
        ["audio/wave"] = ".wav",
        ["audio/ogg"] = ".ogg",
        ["audio/flac"] = ".flac",
        ["audio/aac"] = ".aac",
        ["audio/mp4"] = ".m4a",
        ["text/plain"] = ".txt",
        ["text/markdown"] = ".md",
        ["application/json"] = ".json",
    };

    /// <summary>The media type recognised from the signature in <paramref name="head"/>, or null.</summary>
    public static string? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return "image/gif";
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8))
        {
            var form = head.Slice(8, 4);
            return form.SequenceEqual("WEBP"u8) ? "image/webp" : form.SequenceEqual("WAVE"u8) ? "audio/wav" : null;
        }

        if (head.Length >= 12 && head.Slice(4, 4).SequenceEqual("ftyp"u8))
        {
            return Encoding.ASCII.GetString(head.Slice(8, 4)) switch
            {
                "qt  " => "video/quicktime",
                "M4A " or "M4B " => "audio/mp4",
                "avif" or "avis" => "image/avif",
                "heic" or "heix" or "mif1" => "image/heic",
                _ => "video/mp4",
            };
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]))
        {
            // EBML: WebM declares the "webm" doctype near the start; anything else is Matroska.
            return head.IndexOf("webm"u8) >= 0 ? "video/webm" : "video/x-matroska";
        }

        if (head.StartsWith("ID3"u8))
        {
            return "audio/mpeg";
        }

        if (head.StartsWith("OggS"u8))
        {
            return "audio/ogg";
        }

        if (head.StartsWith("fLaC"u8))
        {
            return "audio/flac";
        }

        if (head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xF6) == 0xF0)
        {
            return "audio/aac"; // ADTS sync word, layer 0.
        }

        if (head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0 && (head[1] & 0x06) != 0)
        {
            return "audio/mpeg"; // MPEG audio frame sync, layer I-III.
        }

        return head.StartsWith("BM"u8) && head.Length >= 14 ? "image/bmp" : null;
    }

    /// <summary>
    /// The content type to store: <paramref name="declared"/> (the provider's documented type), else the source's
    /// <paramref name="header"/> — unless that is absent, generic (<c>application/octet-stream</c>, …) or not a
    /// media type while the bytes carry a known media signature; then the sniffed type; else octet-stream.
    /// </summary>
    public static string Choose(string? declared, string? header, ReadOnlySpan<byte> head)
    {
        var given = Normalize(declared) ?? Normalize(header);
        if (given is not null && IsMedia(given))
        {
            return given;
        }

        return Sniff(head) ?? given ?? OctetStream;
    }

    /// <summary>
    /// Whether a job of <paramref name="kind"/> may store <paramref name="contentType"/>: images <c>image/*</c> (not SVG,
    /// which can carry scripts), videos and extensions <c>video/*</c>, audio <c>audio/*</c>, text <c>text/plain</c> or
    /// <c>text/markdown</c>. With no kind, any of those. Everything else (HTML, JSON, octet-stream, …) is refused.
    /// </summary>
    public static bool IsAllowed(string? contentType, JobKind? kind)
    {
        if (Normalize(contentType)?.Split(';', 2)[0] is not { } type)
        {
            return false;
        }

        var image = type.StartsWith("image/", StringComparison.Ordinal) && type != "image/svg+xml";
        var video = type.StartsWith("video/", StringComparison.Ordinal);
        var audio = type.StartsWith("audio/", StringComparison.Ordinal);
        var text = type is "text/plain" or "text/markdown";
        return kind switch
        {
            JobKind.Image => image,
            JobKind.Video or JobKind.VideoExtension => video,
            JobKind.Audio => audio,
            JobKind.Text => text,
            _ => image || video || audio || text,
        };
    }

    /// <summary>
    /// <see cref="Choose"/> for a job of <paramref name="kind"/>: the chosen type when the kind allows it, else the declared
    /// (or header) type when that is allowed (generated text whose first bytes look like a BMP header stays text), else null:
    /// the item must not be stored.
    /// </summary>
    public static string? ChooseAllowed(JobKind? kind, string? declared, string? header, ReadOnlySpan<byte> head)
    {
        var chosen = Choose(declared, header, head);
        if (IsAllowed(chosen, kind))
        {
            return chosen;
        }

        var given = Normalize(declared) ?? Normalize(header);
        return given is not null && IsAllowed(given, kind) ? given : null;
    }

    /// <summary>The file extension (with the dot) for <paramref name="contentType"/>; <c>.bin</c> when unknown.</summary>
    public static string ExtensionFor(string contentType)
    {
        var bare = contentType.Split(';', 2)[0].Trim();
        return Extensions.TryGetValue(bare, out var ext) ? ext : ".bin";
    }

    /// <summary>The content type a path's extension stands for (<c>/a/b.mp4</c> → <c>video/mp4</c>), or null.</summary>
    public static string? FromExtension(string path)
    {
        var ext = Path.GetExtension(path);
        if (ext.Equals(".jpeg", StringComparison.OrdinalIgnoreCase))
        {
            return "image/jpeg";
        }

        return ext.Length > 1 ? Extensions.FirstOrDefault(pair => pair.Value.Equals(ext, StringComparison.OrdinalIgnoreCase)).Key : null;
    }

    private static bool IsMedia(string contentType) =>
        contentType.StartsWith("image/", StringComparison.Ordinal)
        || contentType.StartsWith("video/", StringComparison.Ordinal)
        || contentType.StartsWith("audio/", StringComparison.Ordinal);

    private static string? Normalize(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return null;
        }

        var parts = contentType.Split(';', 2);
        var type = parts[0].Trim().ToLowerInvariant();
        if (type is OctetStream or "binary/octet-stream" or "application/binary" or "application/unknown" or "application/x-download"
            || !type.Contains('/', StringComparison.Ordinal))
        {
            return null;
        }

        return parts.Length == 2 ? type + ";" + parts[1] : type;
    }
}
