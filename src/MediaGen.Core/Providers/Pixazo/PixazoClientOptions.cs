namespace MediaGen.Core.Providers.Pixazo;

/// <summary>Settings of <see cref="PixazoClient"/>, bound from the <c>Pixazo</c> section and checked at start-up.</summary>
public sealed class PixazoClientOptions
{
    /// <summary>Configuration section: <c>Pixazo</c>.</summary>
    public const string SectionName = "Pixazo";

    /// <summary>The app-setting name of <see cref="SubscriptionKey"/>.</summary>
    public const string SubscriptionKeySetting = "Pixazo__SubscriptionKey";

    /// <summary>Default <see cref="BaseUrl"/>.</summary>
    public const string DefaultBaseUrl = "https://gateway.pixazo.ai";

    /// <summary>
    /// The gateway serving both models and the status endpoint; the client appends
    /// <c>cosmos-3-super-…/v1/…-request</c> and <c>v2/requests/status/{id}</c>. Default <c>https://gateway.pixazo.ai</c>; must be absolute http(s).
    /// </summary>
    public Uri BaseUrl { get; set; } = new(DefaultBaseUrl);

    /// <summary>The <c>Ocp-Apim-Subscription-Key</c>. A secret: never logged. No default: while it is missing or an unresolved Key Vault reference, every call fails with <c>not_configured</c> (nothing is sent) and readiness names it.</summary>
    public string SubscriptionKey { get; set; } = "";

    /// <summary>Per-attempt timeout of submissions and status polls (both answer at once; the work is asynchronous). Default 30 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
