using Microsoft.Extensions.Options;

namespace MediaGen.Core.Notifications;

/// <summary>Start-up checks of <see cref="CallbackOptions"/>: secrets in the <c>whsec_</c> form, sane retry settings.</summary>
public sealed class CallbackOptionsValidator : IValidateOptions<CallbackOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, CallbackOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string Section = CallbackOptions.SectionName;
        var failures = new List<string>();
        if (!string.IsNullOrEmpty(options.SigningKey) && !CallbackSignature.TryParseSecret(options.SigningKey, out _, out var error))
        {
            failures.Add($"{Section}__{nameof(options.SigningKey)} {error}.");
        }

        if (!string.IsNullOrEmpty(options.SecondarySigningKey))
        {
            if (string.IsNullOrEmpty(options.SigningKey))
            {
                failures.Add($"{Section}__{nameof(options.SecondarySigningKey)} is set but {Section}__{nameof(options.SigningKey)} is not.");
            }
            else if (!CallbackSignature.TryParseSecret(options.SecondarySigningKey, out _, out var secondaryError))
            {
                failures.Add($"{Section}__{nameof(options.SecondarySigningKey)} {secondaryError}.");
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
