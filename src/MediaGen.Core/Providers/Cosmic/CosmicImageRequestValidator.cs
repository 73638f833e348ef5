namespace MediaGen.Core.Providers.Cosmic;

/// <summary>Rules of a Cosmic image request: model, size per model, quality (DALL-E 3 only), aspect ratio and reference images per model.</summary>
public sealed class CosmicImageRequestValidator : IRequestValidator<CosmicImageRequest>
{
    /// <inheritdoc />
    public IReadOnlyList<ValidationError> Validate(CosmicImageRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrorCollector();
        errors.Required("prompt", request.Prompt);
        errors.NotEmpty("folder", request.Folder);
        if (!errors.OneOf("model", request.Model, CosmicCatalog.ImageModels))
        {
            // The per-model rules below cannot be judged against an unknown model.
            return errors.Errors;
        }

        var model = request.Model ?? CosmicCatalog.DefaultImageModel;
        errors.OneOf("size", request.Size, CosmicCatalog.ImageSizes[model]);
        if (errors.OneOf("quality", request.Quality, CosmicCatalog.ImageQualities)
            && request.Quality is not null && model != CosmicCatalog.DallE3Model)
        {
            errors.Add("quality", "not_supported", $"is supported by {CosmicCatalog.DallE3Model} only (model is {model})");
        }

        if (CosmicCatalog.AspectRatios.TryGetValue(model, out var ratios))
        {
            errors.OneOf("aspect_ratio", request.AspectRatio, ratios);
        }
        else if (request.AspectRatio is not null)
        {
            errors.Add("aspect_ratio", "not_supported", $"is supported by Gemini image models only (model is {model})");
        }

        var maxReferences = CosmicCatalog.MaxReferenceImages[model];
        if (maxReferences == 0 && request.ReferenceImages is { Count: > 0 })
        {
            errors.Add("reference_images", "not_supported", $"are supported by Gemini image models only (model is {model})");
        }
        else
        {
            errors.UrlList("reference_images", request.ReferenceImages, maxReferences, $"for {model}");
        }

        return errors.Errors;
    }
}
