namespace MediaGen.Core.Media;

/// <summary>
/// How generated media is copied into Blob Storage (<see cref="MediaStore"/>) and which source URLs may be
/// fetched (<see cref="OutboundUrlGuard"/>). Bound from the <c>Media</c> section and validated at start-up.
/// </summary>
public sealed class MediaStoreOptions
{
    /// <summary>The configuration section: <c>Media</c> (<c>Media__MaxBytes</c> as an environment variable).</summary>
    public const string SectionName = "Media";

    /// <summary>Default cap on one media item: 2 GiB.</summary>
    public const long DefaultMaxBytes = 2L * 1024 * 1024 * 1024;

    private readonly Dictionary<string, string> _reserved = new(StringComparer.Ordinal);

    /// <summary>Container used when a job names none; always a valid <c>output.container</c>. Default <c>media</c>.</summary>
    public string DefaultContainer { get; set; } = "media";

    /// <summary>
    /// Comma-separated containers a job may name as <c>output.container</c> besides <see cref="DefaultContainer"/>, e.g.
    /// <c>media-eu,media-us</c> (one string, so one app setting holds the whole list). A job naming any other container is
    /// refused (400, <c>output.container</c>). MediaGen's own containers (<see cref="ReservedContainers"/>: the inbox, the
    /// task hub's, the workflows' state) are never outputs: listing one fails start-up. Default empty (only the default container).
    /// </summary>
    public string AllowedContainers { get; set; } = "";

    /// <summary>Folder (blob name prefix path) used when a job names none. Default empty: blobs start with the job id.</summary>
    public string DefaultFolder { get; set; } = "";

    /// <summary>Create the target container when it does not exist. Default <see langword="true"/>.</summary>
    public bool CreateContainer { get; set; } = true;

    /// <summary>
    /// Largest media item accepted, in bytes. A larger <c>Content-Length</c>, or more bytes while streaming,
    /// fails the copy with <see cref="MediaCopyErrorKind.TooLarge"/> and commits nothing. Default 2 GiB (2147483648).
    /// </summary>
    public long MaxBytes { get; set; } = DefaultMaxBytes;

    /// <summary>
    /// Size of one staged block, in bytes; together with <see cref="UploadConcurrency"/> it bounds the memory a
    /// streaming copy holds ((concurrency + 1) × block size). Default 4 MiB (4194304); 64 KiB to 100 MiB.
    /// </summary>
    public int BlockSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>Blocks staged in parallel while the next one is read from the source. Default 4; 1 to 16.</summary>
    public int UploadConcurrency { get; set; } = 4;

    /// <summary>
    /// Let the storage service fetch source URLs itself (Copy Blob from URL) instead of streaming them through
    /// this process; the copied blob is then read back once to compute SHA-256, size and the sniffed content type.
    /// Falls back to streaming when the service cannot fetch the source. Azurite can only copy from its own
    /// blobs, so keep this off locally. Default <see langword="false"/>.
    /// </summary>
    public bool UseServerSideCopy { get; set; }

    /// <summary>
    /// Fetch from any address, including loopback, private, link-local and other non-public ranges. Only for
    /// development; prefer <see cref="AllowedNetworks"/>. Default <see langword="false"/>.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>
    /// Comma-separated addresses or CIDR ranges that may be fetched although they are not public, e.g.
    /// <c>127.0.0.1/32</c> for the local provider simulator (one string, so one app setting or environment variable
    /// holds the whole list). Checked against the resolved address at connect time. Default empty (none).
    /// </summary>
    public string AllowedNetworks { get; set; } = "";

    /// <summary>The entries of <see cref="AllowedNetworks"/>.</summary>
    public IReadOnlyList<string> AllowedNetworkList() =>
        AllowedNetworks.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The entries of <see cref="AllowedContainers"/>.</summary>
    public IReadOnlyList<string> AllowedContainerList() =>
        AllowedContainers.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The containers a job may write to: <see cref="DefaultContainer"/> and <see cref="AllowedContainers"/>, less the reserved ones.</summary>
    public IReadOnlyList<string> OutputContainers() =>
        [.. new[] { DefaultContainer }.Concat(AllowedContainerList()).Distinct(StringComparer.Ordinal).Where(c => !_reserved.ContainsKey(c))];

    /// <summary>Whether a job may store its media in <paramref name="container"/> (<see cref="OutputContainers"/>).</summary>
    public bool IsOutputContainer(string container) => !_reserved.ContainsKey(container) && OutputContainers().Contains(container, StringComparer.Ordinal);

    /// <summary>
    /// Marks <paramref name="container"/> as one of MediaGen's own (the setting <paramref name="setting"/> names it), so it
    /// is never a job's output. The hosts reserve theirs at registration (<see cref="MediaServiceCollectionExtensions.ReserveContainers"/>).
    /// </summary>
    public void Reserve(string container, string setting)
    {
        ArgumentException.ThrowIfNullOrEmpty(container);
        ArgumentException.ThrowIfNullOrEmpty(setting);
        _reserved.TryAdd(container.ToLowerInvariant(), setting);
    }

    /// <summary>The reserved containers (<see cref="Reserve"/>), each with the setting or component that owns it.</summary>
    public IReadOnlyDictionary<string, string> ReservedContainers() => _reserved;

    /// <summary>Redirects followed per source URL, each re-validated. Default 5; 0 to 20.</summary>
    public int MaxRedirects { get; set; } = 5;

    /// <summary>Time allowed to open a connection to a source. Default 10 seconds.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Longest wait for the source's response headers or for the next bytes of its body; a source that stalls
    /// longer fails the copy (a slow but steady source does not). Default 60 seconds.
    /// </summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
