namespace MediaGen.Core.Providers.Pixazo;

/// <summary>Start-up checks of <see cref="PixazoClientOptions"/>.</summary>
internal sealed class PixazoClientOptionsValidator : IValidateOptions<PixazoClientOptions>
{
    public ValidateOptionsResult Validate(string? name, PixazoClientOptions options)
    {
        var failures = new[]
        {
            ProviderOptionsChecks.BaseUrl(PixazoClientOptions.SectionName, options.BaseUrl),
            ProviderOptionsChecks.Positive(PixazoClientOptions.SectionName, nameof(options.Timeout), options.Timeout),
        }.OfType<string>().ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
