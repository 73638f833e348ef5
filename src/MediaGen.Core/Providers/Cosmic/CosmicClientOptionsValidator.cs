namespace MediaGen.Core.Providers.Cosmic;

/// <summary>Start-up checks of <see cref="CosmicClientOptions"/>.</summary>
internal sealed partial class CosmicClientOptionsValidator : IValidateOptions<CosmicClientOptions>
{
    public ValidateOptionsResult Validate(string? name, CosmicClientOptions options)
    {
        var failures = new[]
        {
            ProviderOptionsChecks.BaseUrl(CosmicClientOptions.SectionName, options.BaseUrl),
            ProviderOptionsChecks.Positive(CosmicClientOptions.SectionName, nameof(options.Timeout), options.Timeout),
            ProviderOptionsChecks.Positive(CosmicClientOptions.SectionName, nameof(options.VideoTimeout), options.VideoTimeout),
            options.BucketSlug.Length == 0 || SlugPattern().IsMatch(options.BucketSlug)
                ? null
                : "Cosmic:BucketSlug must be a bucket slug (lowercase letters, digits and hyphens, starting with a letter or digit).",
        }.OfType<string>().ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,127}$")]
    private static partial Regex SlugPattern();
}
