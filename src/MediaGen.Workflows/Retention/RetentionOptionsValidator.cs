namespace MediaGen.Workflows.Retention;

/// <summary>Rejects retention settings that could not work, at start-up, naming the setting.</summary>
internal sealed class RetentionOptionsValidator : IValidateOptions<RetentionOptions>
{
    /// <summary>The longest period: beyond it a finish time plus the period would leave the calendar.</summary>
    private const double MaxDays = 36_500;

    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (!double.IsFinite(options.Days) || options.Days < 0 || options.Days > MaxDays)
        {
            errors.Add($"{RetentionOptions.SectionName}:{nameof(options.Days)} must be 0 (keep finished jobs and their media forever) or a positive number of days up to {MaxDays}; it is {options.Days}.");
        }

        if (options.PurgePageSize is < 1 or > 1000)
        {
            errors.Add($"{RetentionOptions.SectionName}:{nameof(options.PurgePageSize)} must be 1–1000; it is {options.PurgePageSize}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
