namespace MediaGen.Core.Providers.Cosmic;

/// <summary>Settings of <see cref="CosmicClient"/>, bound from the <c>Cosmic</c> section and checked at start-up.</summary>
public sealed class CosmicClientOptions
{
    /// <summary>Configuration section: <c>Cosmic</c>.</summary>
    public const string SectionName = "Cosmic";

    /// <summary>The app-setting name of <see cref="WriteKey"/>.</summary>
    public const string WriteKeySetting = "Cosmic__WriteKey";

    /// <summary>Default <see cref="BaseUrl"/>.</summary>
    public const string DefaultBaseUrl = "https://workers.cosmicjs.com";

    /// <summary>Cosmic AI endpoint; the client appends <c>v3/buckets/{slug}/ai/...</c>. Default <c>https://workers.cosmicjs.com</c>; must be absolute http(s).</summary>
    public Uri BaseUrl { get; set; } = new(DefaultBaseUrl);

    /// <summary>The bucket slug (lowercase letters, digits and hyphens). No default: without it every call fails with <c>not_configured</c>.</summary>
    public string BucketSlug { get; set; } = "";

    /// <summary>The bucket write key, sent as a Bearer token. A secret: never logged. No default: while it is missing or an unresolved Key Vault reference, every call fails with <c>not_configured</c> (nothing is sent) and readiness names it.</summary>
    public string WriteKey { get; set; } = "";

    /// <summary>Per-attempt timeout of text, image and audio calls. Default 2 minutes.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Per-attempt timeout of video and extension calls, which take 30–180 s. Default 4 minutes.</summary>
    public TimeSpan VideoTimeout { get; set; } = TimeSpan.FromMinutes(4);
}
