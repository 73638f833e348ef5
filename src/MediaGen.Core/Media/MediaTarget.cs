namespace MediaGen.Core.Media;

/// <summary>Which media item of which job is being stored, and where.</summary>
/// <param name="JobId">The job (orchestration instance) id: letters, digits, <c>-</c>, <c>_</c>, <c>.</c>; at most 200 characters.</param>
/// <param name="ItemIndex">The item's position in the job's result (0-based); batches and chains number their items.</param>
public sealed record MediaTarget(string JobId, int ItemIndex)
{
    /// <summary>The provider that generated the item (<c>cosmic</c>, <c>pixazo</c>, <c>comet</c>); stored as metadata.</summary>
    public string? Provider { get; init; }

    /// <summary>The model that generated the item; stored as metadata.</summary>
    public string? Model { get; init; }

    /// <summary>
    /// The kind of the job the item belongs to: the stored content type must be one it allows
    /// (<see cref="MediaContentTypes.IsAllowed"/>). Null (payloads of jobs started before kinds were passed): any image,
    /// video, audio or text type those rules allow.
    /// </summary>
    public JobKind? Kind { get; init; }

    /// <summary>Target container; <see cref="MediaStoreOptions.DefaultContainer"/> when null. Must be one of <see cref="MediaStoreOptions.OutputContainers"/>.</summary>
    public string? Container { get; init; }

    /// <summary>Folder inside the container (<c>a/b</c>); <see cref="MediaStoreOptions.DefaultFolder"/> when null.</summary>
    public string? Folder { get; init; }

    /// <summary>Prefix put before the job id in the blob name (no <c>/</c>). Default none.</summary>
    public string? Prefix { get; init; }

    /// <summary>
    /// The content type the provider declared (e.g. a documented output format). Wins over the response header;
    /// a generic or non-media type is replaced by the type sniffed from the bytes.
    /// </summary>
    public string? ContentType { get; init; }
}
