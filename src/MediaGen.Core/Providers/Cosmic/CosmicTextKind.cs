namespace MediaGen.Core.Providers.Cosmic;

/// <summary>Cosmic text: a synchronous answer stored as a <c>text/plain</c> blob (and returned inline when small).</summary>
public sealed class CosmicTextKind() : CosmicKind<CosmicTextRequest>(JobKind.Text, new CosmicTextRequestValidator())
{
    /// <summary>
    /// (UTF-8 bytes of the prompt or messages, an upper bound of its tokens, + <c>max_tokens</c>) × the model's tier
    /// multiplier — unknown without <c>max_tokens</c>, with a <c>media_url</c> (the file's tokens cannot be known), or for
    /// an unpriced model.
    /// </summary>
    public static decimal? EstimateTokens(CosmicTextRequest text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.MaxTokens is not { } maxTokens || text.MediaUrl is not null || CosmicTokenCosts.TextMultiplier(text.Model) is not { } multiplier)
        {
            return null;
        }

        // A byte-level tokenizer makes at most one token per UTF-8 byte: the bytes bound the input tokens from above.
        long inputBound = text.Prompt is { } prompt ? Encoding.UTF8.GetByteCount(prompt) : 0;
        foreach (var message in text.Messages ?? [])
        {
            inputBound += Encoding.UTF8.GetByteCount(message.Content);
        }

        return Math.Ceiling((inputBound + maxTokens) * multiplier);
    }

    /// <inheritdoc />
    protected override decimal? Estimate(CosmicTextRequest request, CostOptions? options) => EstimateTokens(request);

    /// <summary>The reported tokens × the model's tier multiplier; unknown without a report.</summary>
    protected override JobCost Actual(JobCost estimate, CosmicTextRequest request, JobUsage? usage, int items, CostOptions? options)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        ArgumentNullException.ThrowIfNull(request);
        return ReportedTokens(usage) is { } tokens && CosmicTokenCosts.TextDeduction(request.Model, tokens) is { } deducted
            ? estimate with { Actual = deducted, Source = JobCosts.FromUsage }
            : estimate;
    }

    /// <inheritdoc />
    protected override async Task<Generation> GenerateAsync(CosmicClient cosmic, CosmicTextRequest request, GenerationContext context)
    {
        ArgumentNullException.ThrowIfNull(cosmic);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var answer = await cosmic.GenerateTextAsync(request).ConfigureAwait(false);
        var bytes = Encoding.UTF8.GetBytes(answer.Text);
        using var content = new MemoryStream(bytes, writable: false);
        var stored = await context.StoreAsync(content, context.FirstItemIndex, request.Model ?? CosmicCatalog.DefaultTextModel, "text/plain").ConfigureAwait(false);
        var inline = bytes.Length <= context.InlineTextMaxBytes ? answer.Text : null;
        return new Generation([], [GenerationContext.Item(stored)], inline, Usage(answer.Usage));
    }
}
