namespace MediaGen.Core.Providers.Cosmic;

/// <summary>Rules of a Cosmic video extension: media_id and prompt required, model.</summary>
public sealed class CosmicVideoExtensionRequestValidator : IRequestValidator<CosmicVideoExtensionRequest>
{
    /// <inheritdoc />
    public IReadOnlyList<ValidationError> Validate(CosmicVideoExtensionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrorCollector();
        errors.Required("media_id", request.MediaId);
        errors.Required("prompt", request.Prompt);
        errors.OneOf("model", request.Model, CosmicCatalog.VideoModels);
        errors.NotEmpty("folder", request.Folder);
        return errors.Errors;
    }
}
