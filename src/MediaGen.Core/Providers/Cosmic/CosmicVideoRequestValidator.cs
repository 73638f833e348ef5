namespace MediaGen.Core.Providers.Cosmic;

/// <summary>Rules of a Cosmic video request: model, duration 4/6/8, resolution 720p/1080p, at most 1 reference image.</summary>
public sealed class CosmicVideoRequestValidator : IRequestValidator<CosmicVideoRequest>
{
    /// <inheritdoc />
    public IReadOnlyList<ValidationError> Validate(CosmicVideoRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrorCollector();
        errors.Required("prompt", request.Prompt);
        errors.OneOf("model", request.Model, CosmicCatalog.VideoModels);
        errors.OneOf("duration", request.Duration, CosmicCatalog.VideoDurations);
        errors.OneOf("resolution", request.Resolution, CosmicCatalog.VideoResolutions);
        errors.UrlList("reference_images", request.ReferenceImages, CosmicCatalog.MaxVideoReferenceImages, "(it becomes the first frame)");
        errors.NotEmpty("folder", request.Folder);
        return errors.Errors;
    }
}
