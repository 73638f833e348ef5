namespace MediaGen.Core.Providers;

/// <summary>Start-up checks the provider options share; each returns a message naming the setting, or null.</summary>
internal static class ProviderOptionsChecks
{
    public static string? BaseUrl(string section, Uri? value) =>
        value is { IsAbsoluteUri: true } uri && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? null
            : $"{section}:BaseUrl must be an absolute http(s) URL.";

    public static string? Positive(string section, string name, TimeSpan value) =>
        value > TimeSpan.Zero && value != Timeout.InfiniteTimeSpan ? null : $"{section}:{name} must be a positive time span (was {value}).";

    /// <summary>A client's constructor check: the options must pass their start-up validator.</summary>
    /// <exception cref="ArgumentException">They do not; the message names the setting.</exception>
    public static void ThrowIfInvalid<TOptions>(IValidateOptions<TOptions> validator, TOptions options)
        where TOptions : class
    {
        var check = validator.Validate(null, options);
        if (check.Failed)
        {
            throw new ArgumentException(check.FailureMessage, nameof(options));
        }
    }

    /// <summary>The base URL with a trailing slash, so relative paths append to it instead of replacing its last segment.</summary>
    public static Uri WithTrailingSlash(Uri baseUrl) =>
        baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
}
