namespace MediaGen.Core.Providers.Comet;

/// <summary>Rules of a CometAPI image request: prompt and model required, n ≥ 1 (= 1 for qwen-image), response format per model family.</summary>
public sealed class CometImageRequestValidator : IRequestValidator<CometImageRequest>
{
    /// <inheritdoc />
    public IReadOnlyList<ValidationError> Validate(CometImageRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrorCollector();
        errors.Required("prompt", request.Prompt);
        var hasModel = errors.Required("model", request.Model);
        errors.Minimum("n", request.N, 1);
        if (hasModel && request.Model == CometCatalog.QwenImageModel && request.N is > 1)
        {
            errors.Add("n", "range", $"must be 1 for {CometCatalog.QwenImageModel} (was {request.N})");
        }

        errors.NotEmpty("size", request.Size);
        if (errors.OneOf("response_format", request.ResponseFormat, CometCatalog.ResponseFormats)
            && hasModel && request.ResponseFormat == CometCatalog.UrlFormat && CometCatalog.IsBase64First(request.Model))
        {
            errors.Add("response_format", "not_supported", $"{request.Model} answers in base64: use b64_json or omit response_format");
        }

        return errors.Errors;
    }
}
