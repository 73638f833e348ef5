namespace MediaGen.Simulator.Cosmic;

/// <summary><c>POST …/ai/image</c>: validates model, size, quality, aspect ratio and reference images; answers a PNG.</summary>
internal sealed class CosmicImageHandler(CosmicMediaFactory factory)
{
    public Task<ProviderReply> HandleAsync(ProviderCall call, CancellationToken ct)
    {
        var fields = new JsonFields(call.Body);
        var prompt = fields.String("prompt", required: true, minLength: 1);
        var model = fields.String("model", allowed: CosmicCatalog.ImageModels) ?? CosmicCatalog.FlashImage;
        var size = fields.String("size", allowed: CosmicCatalog.SizesOf(model)) ?? "1024x1024";
        fields.String("quality", allowed: CosmicCatalog.Qualities);
        if (CosmicCatalog.AspectRatiosOf(model) is { Length: > 0 } ratios)
        {
            fields.String("aspect_ratio", allowed: ratios);
        }

        var max = CosmicCatalog.MaxReferenceImages(model);
        fields.StringArray("reference_images", max, max == 0
            ? $"reference_images are supported with Gemini models only, not {model}."
            : $"reference_images accepts at most {max} images for {model}.");
        var folder = fields.String("folder");
        var altText = fields.String("alt_text");
        var metadata = fields.Object("metadata");
        if (fields.Error is { } error)
        {
            return Task.FromResult(ProviderReply.Error(StatusCodes.Status400BadRequest, error));
        }

        var slug = CosmicMediaFactory.Slug(prompt!);
        var media = factory.Create(
            call, $"{Guid.NewGuid()}-{slug}.png", $"{slug}.png", MediaFormat.Png, folder, altText,
            CosmicMediaFactory.UserMetadata(metadata));
        var revised = $"{prompt!.TrimEnd('.')}, rendered by the MediaGen provider simulator ({model}, {size}).";
        return Task.FromResult(ProviderReply.Ok(new CosmicImageResponse(media, revised), mediaIds: media.Id));
    }
}
