namespace MediaGen.Core.Providers.Validation;

/// <summary>
/// A request broke documented rules and was not sent. Separate from <see cref="ProviderException"/> because callers
/// answer it differently: a 400 listing <see cref="Errors"/>, never a retry.
/// </summary>
public sealed class RequestValidationException : Exception
{
    /// <summary>Creates the exception from the violations (at least one).</summary>
    public RequestValidationException(IReadOnlyList<ValidationError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    /// <summary>Every violation found.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>Throws when <paramref name="errors"/> is not empty.</summary>
    public static void ThrowIfAny(IReadOnlyList<ValidationError> errors)
    {
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
    }

    private static string Describe(IReadOnlyList<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return "The request is invalid: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}"));
    }
}
