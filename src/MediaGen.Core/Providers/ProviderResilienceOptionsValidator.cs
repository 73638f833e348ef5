namespace MediaGen.Core.Providers;

/// <summary>Start-up checks of <see cref="ProviderResilienceOptions"/>.</summary>
internal sealed class ProviderResilienceOptionsValidator : IValidateOptions<ProviderResilienceOptions>
{
    public ValidateOptionsResult Validate(string? name, ProviderResilienceOptions options)
    {
        const string Section = ProviderResilienceOptions.SectionName;
        var failures = new[]
        {
            options.MaxRetryAttempts is >= 0 and <= 10 ? null : $"{Section}:MaxRetryAttempts must be 0–10 (was {options.MaxRetryAttempts}).",
            ProviderOptionsChecks.Positive(Section, nameof(options.BaseDelay), options.BaseDelay),
            ProviderOptionsChecks.Positive(Section, nameof(options.MaxDelay), options.MaxDelay),
            options.MaxRetryAfter >= TimeSpan.Zero ? null : $"{Section}:MaxRetryAfter must not be negative (was {options.MaxRetryAfter}).",
        }.OfType<string>().ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
