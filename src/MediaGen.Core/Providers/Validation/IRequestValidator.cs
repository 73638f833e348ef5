namespace MediaGen.Core.Providers.Validation;

/// <summary>Checks a provider request against every documented field, enum, range and cross-field rule, before any call.</summary>
/// <typeparam name="TRequest">The request type.</typeparam>
public interface IRequestValidator<in TRequest>
{
    /// <summary>Every violation of the request at once; empty when it is valid.</summary>
    IReadOnlyList<ValidationError> Validate(TRequest request);
}
