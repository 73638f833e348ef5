using MediaGen.Core.Costs;

namespace MediaGen.Core.Tests.Costs;

/// <summary>Estimates from a job's parameters and actual costs from the provider's answer, in the provider's unit.</summary>
public sealed class JobCostsTests
{
    private static JobRequest Job(JobKind kind, ProviderName provider, string parameters) =>
        new(kind, provider, JsonDocument.Parse(parameters).RootElement.Clone());

    [Theory]
    [InlineData("""{"prompt":"a cat"}""", 0.04)]
    [InlineData("""{"prompt":"a cat","num_images":4}""", 0.16)]
    [InlineData("""{"prompt":"a cat","enable_prompt_expansion":true}""", 0.06)]
    [InlineData("""{"prompt":"a cat","num_images":2,"enable_prompt_expansion":true}""", 0.10)]
    // Agentic: iterations × samples candidates at most (defaults 2 × 2), each billed as an image.
    [InlineData("""{"prompt":"a cat","enable_agentic_generation":true}""", 0.20)]
    [InlineData("""{"prompt":"a cat","enable_agentic_generation":true,"agentic_max_iterations":3,"agentic_samples_per_iteration":3}""", 0.40)]
    [InlineData("""{"prompt":"a cat","enable_agentic_generation":false}""", 0.04)]
    public void Estimate_PixazoTextToImage_IsImagesTimesFourCentsPlusOptionsInUsd(string parameters, double usd)
    {
        var cost = JobCosts.Estimate(Job(JobKind.Image, ProviderName.Pixazo, parameters));

        Assert.Equal("usd", cost.Unit);
        Assert.Equal((decimal)usd, cost.Estimate);
    }

    [Fact]
    public void Estimate_PixazoImageToVideo_IsUnknown() =>
        Assert.Null(JobCosts.Estimate(Job(JobKind.Video, ProviderName.Pixazo, """{"prompt":"moves","image_url":"https://example.com/a.png"}""")).Estimate);

    [Theory]
    [InlineData(JobKind.Image, """{"prompt":"x"}""", 32_160L)]
    [InlineData(JobKind.Image, """{"prompt":"x","model":"dall-e-3"}""", 4_800L)]
    [InlineData(JobKind.Image, """{"prompt":"x","size":"4096x4096"}""", 57_600L)]
    [InlineData(JobKind.Video, """{"prompt":"x"}""", 288_000L)]
    [InlineData(JobKind.Video, """{"prompt":"x","model":"veo-3.1-generate-preview","duration":6}""", 576_000L)]
    [InlineData(JobKind.VideoExtension, """{"media_id":"m","prompt":"x"}""", 288_000L)]
    [InlineData(JobKind.VideoExtension, """{"media_id":"m","prompt":"x","model":"veo-3.1-generate-preview"}""", 768_000L)]
    [InlineData(JobKind.Audio, """{"prompt":"Hello there"}""", 3_600L)]
    [InlineData(JobKind.Audio, """{"prompt":"Hello there","model":"tts-1-hd"}""", 7_200L)]
    public void Estimate_CosmicMedia_IsTheDocumentedFixedCostInTokens(JobKind kind, string parameters, long tokens)
    {
        var cost = JobCosts.Estimate(Job(kind, ProviderName.Cosmic, parameters));

        Assert.Equal("tokens", cost.Unit);
        Assert.Equal(tokens, cost.Estimate);
    }

    [Fact]
    public void Estimate_CosmicText_IsPromptBytesPlusMaxTokensTimesTheTierMultiplier()
    {
        // "héllo" is 6 UTF-8 bytes; 6 + 100 = 106 tokens at most, × 2.0 (Opus 4.8, the default) = 212.
        Assert.Equal(212m, JobCosts.Estimate(Job(JobKind.Text, ProviderName.Cosmic, """{"prompt":"héllo","max_tokens":100}""")).Estimate);
        // Messages count too; gpt-5-nano is 1.0x.
        Assert.Equal(54m, JobCosts.Estimate(Job(JobKind.Text, ProviderName.Cosmic,
            """{"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hey"}],"model":"gpt-5-nano","max_tokens":49}""")).Estimate);
    }

    [Theory]
    [InlineData("""{"prompt":"x"}""")]
    [InlineData("""{"prompt":"x","max_tokens":10,"model":"gpt-5.2-codex"}""")]
    [InlineData("""{"prompt":"x","max_tokens":10,"media_url":"https://cdn.cosmicjs.com/a.pdf"}""")]
    public void Estimate_CosmicTextWithoutAnUpperBound_IsUnknown(string parameters) =>
        Assert.Null(JobCosts.Estimate(Job(JobKind.Text, ProviderName.Cosmic, parameters)).Estimate);

    [Fact]
    public void Estimate_CometWithoutAConfiguredPrice_IsUnknownUsd()
    {
        var cost = JobCosts.Estimate(Job(JobKind.Image, ProviderName.Comet, """{"prompt":"x","model":"dall-e-3","n":2}"""), new CostOptions());

        Assert.Equal(new JobCost("usd", null), cost);
    }

    [Fact]
    public void Estimate_CometWithAConfiguredPrice_IsImagesTimesThePrice()
    {
        var options = new CostOptions { CometImagePrices = "dall-e-3=0.04; gpt-image-1 = 0.05" };

        Assert.Equal(0.08m, JobCosts.Estimate(Job(JobKind.Image, ProviderName.Comet, """{"prompt":"x","model":"dall-e-3","n":2}"""), options).Estimate);
        Assert.Equal(0.05m, JobCosts.Estimate(Job(JobKind.Image, ProviderName.Comet, """{"prompt":"x","model":"gpt-image-1"}"""), options).Estimate);
        Assert.Null(JobCosts.Estimate(Job(JobKind.Image, ProviderName.Comet, """{"prompt":"x","model":"qwen-image"}"""), options).Estimate);
    }

    [Theory]
    [InlineData("dall-e-3")]
    [InlineData("dall-e-3=-1")]
    [InlineData("dall-e-3=0.04;dall-e-3=0.05")]
    [InlineData("=0.04")]
    public void CometPrices_MalformedTable_ThrowsNamingTheSetting(string table)
    {
        var ex = Assert.Throws<FormatException>(() => new CostOptions { CometImagePrices = table }.CometPrices());

        Assert.Contains("Costs__CometImagePrices", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Actual_CosmicTextWithUsage_IsReportedTokensTimesTheMultiplier()
    {
        var request = Job(JobKind.Text, ProviderName.Cosmic, """{"prompt":"x","max_tokens":500,"model":"o1"}""");

        var cost = JobCosts.Actual(JobCosts.Estimate(request), request, new JobUsage(10, 89), 0);

        Assert.Equal(396m, cost.Actual);
        Assert.Equal("usage", cost.Source);
    }

    [Fact]
    public void Actual_CosmicMediaWithUsage_IsTheReportedTotal()
    {
        var request = Job(JobKind.Audio, ProviderName.Cosmic, """{"prompt":"Hello"}""");

        var cost = JobCosts.Actual(JobCosts.Estimate(request), request, new JobUsage(21, 3_600), 0);

        Assert.Equal(new JobCost("tokens", 3_600m, 3_621m, "usage"), cost);
    }

    [Fact]
    public void Actual_CosmicMediaWithoutUsage_IsTheDocumentedFixedCost()
    {
        var request = Job(JobKind.Image, ProviderName.Cosmic, """{"prompt":"x","model":"dall-e-3"}""");

        Assert.Equal(new JobCost("tokens", 4_800m, 4_800m, "price_table"), JobCosts.Actual(JobCosts.Estimate(request), request, null, 1));
    }

    [Fact]
    public void Actual_CosmicTextWithoutUsage_StaysUnknown()
    {
        var request = Job(JobKind.Text, ProviderName.Cosmic, """{"prompt":"x","max_tokens":5}""");

        Assert.Null(JobCosts.Actual(JobCosts.Estimate(request), request, null, 0).Actual);
    }

    [Fact]
    public void Actual_Comet_IsImagesReturnedTimesThePriceOrUnknown()
    {
        var request = Job(JobKind.Image, ProviderName.Comet, """{"prompt":"x","model":"dall-e-3","n":3}""");
        var priced = new CostOptions { CometImagePrices = "dall-e-3=0.04" };

        Assert.Equal(0.08m, JobCosts.Actual(JobCosts.Estimate(request, priced), request, null, 2, priced).Actual);
        Assert.Null(JobCosts.Actual(JobCosts.Estimate(request), request, null, 2, new CostOptions()).Actual);
    }

    [Fact]
    public void Actual_CompletedPixazoImageRequest_IsDeliveredImagesAtDocumentedPrices()
    {
        var request = Job(JobKind.Image, ProviderName.Pixazo, """{"prompt":"x","num_images":4,"enable_prompt_expansion":true}""");

        var cost = JobCosts.Actual(JobCosts.Estimate(request), request, null, 3);

        Assert.Equal(new JobCost("usd", 0.18m, 0.14m, "price_table"), cost);
    }

    [Fact]
    public void Totals_MixedUnitsAndUnknowns_SumPerUnitAndCountUnpriced()
    {
        var totals = JobCosts.Totals([
            new JobCost("tokens", 100m, 90m, "usage"), new JobCost("tokens", 50m), new JobCost("usd", 0.04m, 0.04m, "price_table"), new JobCost("usd", null), null]);

        Assert.Equal([new CostTotal("tokens", 150m, 90m, 2, 0), new CostTotal("usd", 0.04m, 0.04m, 2, 1)], totals);
    }
}
