namespace MediaGen.Core.Providers.Cosmic;

/// <summary>Rules of a Cosmic text request: prompt or messages (exactly one), roles, model, max_tokens, media_url.</summary>
public sealed class CosmicTextRequestValidator : IRequestValidator<CosmicTextRequest>
{
    /// <inheritdoc />
    public IReadOnlyList<ValidationError> Validate(CosmicTextRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrorCollector();
        switch (request.Prompt, request.Messages)
        {
            case (null, null):
                errors.Add("prompt", "exactly_one", "either prompt or messages is required");
                break;
            case (not null, not null):
                errors.Add("prompt", "exactly_one", "give either prompt or messages, not both");
                break;
            case (not null, null):
                errors.Required("prompt", request.Prompt);
                break;
            default:
                ValidateMessages(errors, request.Messages!);
                break;
        }

        errors.OneOf("model", request.Model, CosmicCatalog.TextModels);
        errors.Minimum("max_tokens", request.MaxTokens, 1);
        errors.Url("media_url", request.MediaUrl);
        return errors.Errors;
    }

    private static void ValidateMessages(ValidationErrorCollector errors, IReadOnlyList<CosmicMessage> messages)
    {
        if (messages.Count == 0)
        {
            errors.Add("messages", "min_items", "must have at least 1 message");
        }

        for (var i = 0; i < messages.Count; i++)
        {
            if (messages[i] is not { } message)
            {
                errors.Add($"messages[{i}]", "required", "is required");
                continue;
            }

            if (errors.Required($"messages[{i}].role", message.Role))
            {
                errors.OneOf($"messages[{i}].role", message.Role, CosmicCatalog.MessageRoles);
            }

            errors.Required($"messages[{i}].content", message.Content);
        }
    }
}
