namespace MediaGen.Core.Providers.Cosmic;

/// <summary>Rules of a Cosmic audio request: prompt required, one of the nine voices, tts-1 or tts-1-hd.</summary>
public sealed class CosmicAudioRequestValidator : IRequestValidator<CosmicAudioRequest>
{
    /// <inheritdoc />
    public IReadOnlyList<ValidationError> Validate(CosmicAudioRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrorCollector();
        errors.Required("prompt", request.Prompt);
        errors.OneOf("voice", request.Voice, CosmicCatalog.Voices);
        errors.OneOf("model", request.Model, CosmicCatalog.AudioModels);
        errors.NotEmpty("folder", request.Folder);
        return errors.Errors;
    }
}
