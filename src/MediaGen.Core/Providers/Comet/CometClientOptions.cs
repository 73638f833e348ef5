namespace MediaGen.Core.Providers.Comet;

/// <summary>Settings of <see cref="CometClient"/>, bound from the <c>Comet</c> section and checked at start-up.</summary>
public sealed class CometClientOptions
{
    /// <summary>Configuration section: <c>Comet</c>.</summary>
    public const string SectionName = "Comet";

    /// <summary>The app-setting name of <see cref="ApiKey"/>.</summary>
    public const string ApiKeySetting = "Comet__ApiKey";

    /// <summary>Default <see cref="BaseUrl"/>.</summary>
    public const string DefaultBaseUrl = "https://api.cometapi.com";

    /// <summary>CometAPI endpoint; the client appends <c>v1/images/generations</c>. Default <c>https://api.cometapi.com</c>; must be absolute http(s).</summary>
    public Uri BaseUrl { get; set; } = new(DefaultBaseUrl);

    /// <summary>The API key, sent as a Bearer token. A secret: never logged. No default: while it is missing or an unresolved Key Vault reference, every call fails with <c>not_configured</c> (nothing is sent) and readiness names it.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>
    /// Per-attempt timeout until the response starts, and separately the time allowed for reading the body
    /// (a base64 image can be many megabytes). Default 3 minutes.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(3);
}
