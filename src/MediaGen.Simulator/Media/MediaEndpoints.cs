namespace MediaGen.Simulator.Media;

/// <summary>
/// Serves generated media (<c>/media/{id}/{name}</c>) and synthetic files of any size
/// (<c>/media/synthetic/{name}.{ext}?size=BYTES</c>). Both support HEAD and byte ranges.
/// </summary>
internal static class MediaEndpoints
{
    /// <summary>Size of a synthetic file when the query names none: 1 MiB.</summary>
    public const long DefaultSyntheticSize = 1024 * 1024;

    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder app)
    {
        var media = app.MapGroup("/media").WithTags("Media");
        media.MapMethods("/synthetic/{name}.{ext}", GetAndHead, Synthetic);
        media.MapMethods("/{id}/{name}", GetAndHead, (string id, MediaStore store) =>
            store.TryGet(id, out var stored) && stored.Bytes.Length > 0
                ? Results.Bytes(stored.Bytes, MediaFormats.ContentType(stored.Format), enableRangeProcessing: true)
                : Results.NotFound());
        return app;
    }

    private static IResult Synthetic(string name, string ext, string? size)
    {
        var length = DefaultSyntheticSize;
        if (size is not null && (!long.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out length)))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "size must be a non-negative integer number of bytes.");
        }

        var format = MediaFormats.FromExtension(ext);
        var header = MediaSamples.Header(format, length);
        // Deterministic per file name, so a re-download (or a range) yields the same bytes.
        var seed = (int)(StableHash(name + "." + ext) & 0x7FFFFFFF);
        var stream = new SyntheticMediaStream(header, length, seed);
        return Results.Stream(stream, MediaFormats.ContentType(format), enableRangeProcessing: true);
    }

    private static ulong StableHash(string text)
    {
        // FNV-1a: string.GetHashCode is randomised per process, and the filler must not be.
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
