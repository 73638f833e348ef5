namespace MediaGen.Core.Providers.Pixazo;

/// <summary>The rules both Cosmos 3 Super models share.</summary>
internal static class PixazoRules
{
    public static void Agentic(ValidationErrorCollector errors, bool? enabled, int? maxIterations, int? samplesPerIteration, bool? earlyStop)
    {
        errors.Range("agentic_max_iterations", maxIterations, 1, 3);
        errors.Range("agentic_samples_per_iteration", samplesPerIteration, 1, 3);
        if (enabled == true)
        {
            return;
        }

        // Documented as applying only with agentic generation: setting them without it is a mistake worth reporting.
        RequiresAgentic(errors, "agentic_max_iterations", maxIterations is not null);
        RequiresAgentic(errors, "agentic_samples_per_iteration", samplesPerIteration is not null);
        RequiresAgentic(errors, "agentic_early_stop", earlyStop is not null);
    }

    public static void ImageSize(ValidationErrorCollector errors, PixazoImageSize? size)
    {
        if (size is null)
        {
            return;
        }

        if (size.Preset is not null)
        {
            errors.OneOf("image_size", size.Preset, PixazoCatalog.ImageSizePresets);
            if (size.Width is not null || size.Height is not null)
            {
                errors.Add("image_size", "exactly_one", "give either a preset or width and height, not both");
            }

            return;
        }

        Dimension(errors, "image_size.width", size.Width);
        Dimension(errors, "image_size.height", size.Height);
    }

    public static void Common(ValidationErrorCollector errors, string? prompt, int? steps, double? guidance, string? webhookUrl)
    {
        errors.RequiredLength("prompt", prompt, 1, PixazoCatalog.MaxPromptLength);
        errors.Range("num_inference_steps", steps, 1, 50);
        errors.Range("guidance_scale", guidance, 0.0, 20.0);
        errors.Url(PixazoCatalog.WebhookHeader, webhookUrl);
    }

    private static void Dimension(ValidationErrorCollector errors, string field, int? value)
    {
        if (value is null)
        {
            errors.Add(field, "required", "is required for custom dimensions");
        }
        else
        {
            errors.Minimum(field, value, 1);
        }
    }

    private static void RequiresAgentic(ValidationErrorCollector errors, string field, bool isSet)
    {
        if (isSet)
        {
            errors.Add(field, "requires", "applies only when enable_agentic_generation is true");
        }
    }
}
