namespace MediaGen.Core.Tests.Providers.Cosmic;

public sealed class CosmicTextRequestValidatorTests
{
    private static readonly CosmicTextRequest Valid = new(Prompt: "Write a product description for a coffee mug");
    private static readonly CosmicMessage User = new("user", "Tell me about coffee mugs");

    public static TheoryData<string, CosmicTextRequest, string?, string?> Cases => new()
    {
        { "prompt", Valid, null, null },
        { "neither prompt nor messages", new CosmicTextRequest(), "prompt", "exactly_one" },
        { "both prompt and messages", Valid with { Messages = [User] }, "prompt", "exactly_one" },
        { "blank prompt", Valid with { Prompt = "  " }, "prompt", "required" },
        { "messages user/assistant", new CosmicTextRequest(Messages: [User, new("assistant", "Vessels."), User]), null, null },
        { "messages empty", new CosmicTextRequest(Messages: []), "messages", "min_items" },
        { "message role system", new CosmicTextRequest(Messages: [new("system", "Be brief")]), "messages[0].role", "one_of" },
        { "message role User (case)", new CosmicTextRequest(Messages: [new("User", "hi")]), "messages[0].role", "one_of" },
        { "message role missing", new CosmicTextRequest(Messages: [User, new(null!, "hi")]), "messages[1].role", "required" },
        { "message content empty", new CosmicTextRequest(Messages: [new("user", "")]), "messages[0].content", "required" },
        { "default model named", Valid with { Model = "claude-opus-4-8" }, null, null },
        { "gemini text model", Valid with { Model = "gemini-3.1-pro-preview" }, null, null },
        { "gpt codex model", Valid with { Model = "gpt-5.2-codex" }, null, null },
        { "image model for text", Valid with { Model = "gemini-3.1-flash-image-preview" }, "model", "one_of" },
        { "unknown model", Valid with { Model = "claude-9" }, "model", "one_of" },
        { "max_tokens 0", Valid with { MaxTokens = 0 }, "max_tokens", "range" },
        { "max_tokens 1", Valid with { MaxTokens = 1 }, null, null },
        { "media_url https", Valid with { MediaUrl = "https://cdn.cosmicjs.com/report.pdf" }, null, null },
        { "media_url relative", Valid with { MediaUrl = "report.pdf" }, "media_url", "url" },
        { "media_url with messages", new CosmicTextRequest(Messages: [User], MediaUrl: "https://cdn.cosmicjs.com/sales.xlsx"), null, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validate_Case_ReportsTheBrokenRuleOnly(string name, CosmicTextRequest request, string? field, string? rule)
    {
        Assert.NotNull(name);
        ValidationAssert.Single(new CosmicTextRequestValidator().Validate(request), field, rule);
    }
}
