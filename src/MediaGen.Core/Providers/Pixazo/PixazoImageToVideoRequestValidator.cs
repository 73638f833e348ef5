namespace MediaGen.Core.Providers.Pixazo;

/// <summary>Rules of an image-to-video submission: prompt 1–4096, image_url, negative_prompt ≤ 2048, frames 5–189, fps 4–60, steps, guidance, size, agentic.</summary>
public sealed class PixazoImageToVideoRequestValidator : IRequestValidator<PixazoImageToVideoRequest>
{
    /// <inheritdoc />
    public IReadOnlyList<ValidationError> Validate(PixazoImageToVideoRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrorCollector();
        PixazoRules.Common(errors, request.Prompt, request.NumInferenceSteps, request.GuidanceScale, request.WebhookUrl);
        if (errors.Required("image_url", request.ImageUrl))
        {
            errors.Url("image_url", request.ImageUrl);
        }

        errors.MaxLength("negative_prompt", request.NegativePrompt, PixazoCatalog.MaxImageToVideoNegativePromptLength);
        PixazoRules.Agentic(errors, request.EnableAgenticGeneration, request.AgenticMaxIterations, request.AgenticSamplesPerIteration, request.AgenticEarlyStop);
        PixazoRules.ImageSize(errors, request.ImageSize);
        errors.Range("num_frames", request.NumFrames, 5, 189);
        errors.Range("frames_per_second", request.FramesPerSecond, 4, 60);
        return errors.Errors;
    }
}
