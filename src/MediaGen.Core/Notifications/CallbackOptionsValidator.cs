namespace MediaGen.Core.Notifications;

/// <summary>Start-up checks of <see cref="CallbackOptions"/>: secrets in the <c>whsec_</c> form (when set and resolved), sane retry settings.</summary>
public sealed class CallbackOptionsValidator : IValidateOptions<CallbackOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, CallbackOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string Section = CallbackOptions.SectionName;
        var failures = new List<string>();
        // Empty or an unresolved Key Vault reference is not a failure here: callbacks are refused with not_configured and
        // readiness names the setting until it resolves. Only a value of the wrong form stops start-up.
        if (SecretValue.IsUsable(options.SigningKey) && !CallbackSignature.TryParseSecret(options.SigningKey, out _, out var error))
        {
            failures.Add($"{CallbackOptions.SigningKeySetting} {error}.");
        }

        if (SecretValue.IsUsable(options.SecondarySigningKey))
        {
            if (SecretValue.StateOf(options.SigningKey) == SecretState.Missing)
            {
                failures.Add($"{CallbackOptions.SecondarySigningKeySetting} is set but {CallbackOptions.SigningKeySetting} is not.");
            }
            else if (!CallbackSignature.TryParseSecret(options.SecondarySigningKey, out _, out var secondaryError))
            {
                failures.Add($"{CallbackOptions.SecondarySigningKeySetting} {secondaryError}.");
            }
        }

        if (options.AttemptTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{Section}__{nameof(options.AttemptTimeout)} must be positive (was {options.AttemptTimeout}).");
        }

        if (options.MaxAttempts < 1)
        {
            failures.Add($"{Section}__{nameof(options.MaxAttempts)} must be at least 1 (was {options.MaxAttempts}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
