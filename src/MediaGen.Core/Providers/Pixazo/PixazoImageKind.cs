namespace MediaGen.Core.Providers.Pixazo;

/// <summary>Pixazo Cosmos 3 Super text-to-image: submitted, then delivered by webhook or polling; priced per image and option.</summary>
public sealed class PixazoImageKind() : PixazoKind<PixazoTextToImageRequest>(JobKind.Image, new PixazoTextToImageRequestValidator(), PixazoCatalog.TextToImageModel)
{
    private static readonly (string Ratio, string Preset)[] Presets =
    [
        ("1:1", "square_hd"), ("16:9", "landscape_16_9"), ("9:16", "portrait_16_9"), ("4:3", "landscape_4_3"), ("3:4", "portrait_4_3"),
    ];


    /// <summary>The ratio of an <c>image_size</c> preset, or of custom dimensions.</summary>
    public override string? AspectRatioOf(JsonElement parameters)
    {
        if (FailoverMapping.StringParam(parameters, "image_size") is { } preset)
        {
            return Presets.FirstOrDefault(p => p.Preset == preset).Ratio ?? (preset == "square" ? "1:1" : null);
        }

        return parameters.TryGetProperty("image_size", out var custom) && custom.ValueKind == JsonValueKind.Object
            && custom.TryGetProperty("width", out var w) && custom.TryGetProperty("height", out var h)
            && w.TryGetInt32(out var width) && h.TryGetInt32(out var height)
            ? FailoverMapping.RatioOfSize($"{width}x{height}")
            : null;
    }

    /// <summary>The <c>image_size</c> preset of the ratio.</summary>
    public override void WriteAspectRatio(JsonObject parameters, string? ratio)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (Presets.FirstOrDefault(p => p.Ratio == ratio).Preset is { } preset)
        {
            parameters["image_size"] = preset;
        }
    }

    /// <summary><see cref="PixazoPrices.TextToImage"/> with every agentic candidate.</summary>
    protected override decimal? Estimate(PixazoTextToImageRequest request, CostOptions? options) => Price(request, request.NumImages ?? 1);

    /// <summary>The documented prices of the images delivered.</summary>
    protected override JobCost Actual(JobCost estimate, PixazoTextToImageRequest request, JobUsage? usage, int items, CostOptions? options) =>
        estimate with { Actual = Price(request, items), Source = JobCosts.FromPriceTable };

    /// <inheritdoc />
    protected override Task<PixazoRequestStatus> SubmitAsync(PixazoClient pixazo, PixazoTextToImageRequest request, string? webhookUrl)
    {
        ArgumentNullException.ThrowIfNull(pixazo);
        return pixazo.SubmitTextToImageAsync(request with { WebhookUrl = webhookUrl });
    }

    private static decimal Price(PixazoTextToImageRequest request, int images) =>
        PixazoPrices.TextToImage(images, request.EnablePromptExpansion ?? false, request.EnableAgenticGeneration ?? false,
            request.AgenticMaxIterations, request.AgenticSamplesPerIteration);
}
