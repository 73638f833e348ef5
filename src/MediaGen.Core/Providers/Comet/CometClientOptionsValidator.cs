namespace MediaGen.Core.Providers.Comet;

/// <summary>Start-up checks of <see cref="CometClientOptions"/>.</summary>
internal sealed class CometClientOptionsValidator : IValidateOptions<CometClientOptions>
{
    public ValidateOptionsResult Validate(string? name, CometClientOptions options)
    {
        var failures = new[]
        {
            ProviderOptionsChecks.BaseUrl(CometClientOptions.SectionName, options.BaseUrl),
            ProviderOptionsChecks.Positive(CometClientOptions.SectionName, nameof(options.Timeout), options.Timeout),
        }.OfType<string>().ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
