namespace MediaGen.Core.Providers.Pixazo;

/// <summary>Rules of a text-to-image submission: prompt 1–4096, negative_prompt ≤ 1024, steps 1–50, guidance 0–20, images 1–4, format, size, agentic.</summary>
public sealed class PixazoTextToImageRequestValidator : IRequestValidator<PixazoTextToImageRequest>
{
    /// <inheritdoc />
    public IReadOnlyList<ValidationError> Validate(PixazoTextToImageRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrorCollector();
        PixazoRules.Common(errors, request.Prompt, request.NumInferenceSteps, request.GuidanceScale, request.WebhookUrl);
        errors.MaxLength("negative_prompt", request.NegativePrompt, PixazoCatalog.MaxTextToImageNegativePromptLength);
        PixazoRules.Agentic(errors, request.EnableAgenticGeneration, request.AgenticMaxIterations, request.AgenticSamplesPerIteration, request.AgenticEarlyStop);
        PixazoRules.ImageSize(errors, request.ImageSize);
        errors.Range("num_images", request.NumImages, 1, 4);
        errors.OneOf("output_format", request.OutputFormat, PixazoCatalog.OutputFormats);
        return errors.Errors;
    }
}
