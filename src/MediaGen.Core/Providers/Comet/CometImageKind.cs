namespace MediaGen.Core.Providers.Comet;

/// <summary>
/// CometAPI images: synchronous; a <c>b64_json</c> image exists only in the response, so it is stored during the call,
/// a <c>url</c> one is copied afterwards. Priced by the configured per-model price (<see cref="CostOptions.CometImagePrices"/>).
/// </summary>
public sealed class CometImageKind() : ProviderKind<CometImageRequest>(
    ProviderName.Comet, JobKind.Image, GenerationFlow.Synchronous, RetryClass.AnyRetryableFailure, new CometImageRequestValidator())
{
    private static readonly Dictionary<string, string> SizeOfRatio = new(StringComparer.Ordinal)
    {
        // CometAPI has no 4:3 size: square.
        ["1:1"] = "1024x1024", ["16:9"] = "1792x1024", ["9:16"] = "1024x1792", ["4:3"] = "1024x1024", ["3:4"] = "1024x1024",
    };


    /// <summary>The ratio of <c>size</c>.</summary>
    public override string? AspectRatioOf(JsonElement parameters) =>
        FailoverMapping.StringParam(parameters, "size") is { } size ? FailoverMapping.RatioOfSize(size) : null;

    /// <summary>The <c>size</c> of the ratio.</summary>
    public override void WriteAspectRatio(JsonObject parameters, string? ratio)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (ratio is not null && SizeOfRatio.TryGetValue(ratio, out var size))
        {
            parameters["size"] = size;
        }
    }

    /// <summary>Images asked for × the configured price.</summary>
    protected override decimal? Estimate(CometImageRequest request, CostOptions? options) =>
        Price(request.Model, options) is { } price ? price * (request.N ?? 1) : null;

    /// <summary>Images delivered × the configured price.</summary>
    protected override JobCost Actual(JobCost estimate, CometImageRequest request, JobUsage? usage, int items, CostOptions? options)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        return Price(request.Model, options) is { } price ? estimate with { Actual = price * items, Source = JobCosts.FromPriceTable } : estimate;
    }

    /// <inheritdoc />
    protected override async Task<Generation> GenerateAsync(CometImageRequest request, GenerationContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        await using var answer = await context.Client<CometClient>().CreateImagesAsync(request).ConfigureAwait(false);
        var toCopy = new List<GeneratedMedia>();
        var stored = new List<JobResultItem>();
        for (var i = 0; i < answer.Data.Count; i++)
        {
            var image = answer.Data[i];
            var index = context.FirstItemIndex + i;
            if (image.Content is { } content)
            {
                // b64_json exists only in this response (spooled to a temp file): store it now.
                var item = await context.StoreAsync(content, index, request.Model).ConfigureAwait(false);
                stored.Add(GenerationContext.Item(item) with { RevisedPrompt = image.RevisedPrompt });
            }
            else if (image.Url is { } url)
            {
                toCopy.Add(new GeneratedMedia(index, url, null, null, image.RevisedPrompt, request.Model));
            }
        }

        return new Generation(toCopy, stored);
    }

    private static decimal? Price(string model, CostOptions? options) =>
        options is not null && options.CometPrices().TryGetValue(model, out var price) ? price : null;
}
