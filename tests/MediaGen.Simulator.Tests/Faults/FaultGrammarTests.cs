using MediaGen.Simulator.Faults;

namespace MediaGen.Simulator.Tests.Faults;

public sealed class FaultGrammarTests
{
    [Fact]
    public void ParsePrompt_SeveralBlocksAndTokens_ReturnsEveryDirective()
    {
        var directives = FaultGrammar.ParsePrompt("A cat [SIM:429=5*2, slow=100] on a mat [sim:failed=Out of GPUs]");

        Assert.Equal(
            [new FaultDirective("429", "5", 2), new FaultDirective("slow", "100", null), new FaultDirective("failed", "Out of GPUs", null)],
            directives);
    }

    [Fact]
    public void ParsePrompt_NoDirective_ReturnsEmpty()
    {
        Assert.Empty(FaultGrammar.ParsePrompt("A [simple] prompt with sim: in it"));
        Assert.Empty(FaultGrammar.ParsePrompt(null));
    }

    [Theory]
    [InlineData("teapot")]
    [InlineData("500=3")]
    [InlineData("slow")]
    [InlineData("slow=fast")]
    [InlineData("malformed=1")]
    [InlineData("429*0")]
    [InlineData("399")]
    [InlineData("size=-1")]
    public void ParseList_InvalidToken_Throws(string token)
    {
        Assert.Throws<FormatException>(() => FaultGrammar.ParseList(token));
    }

    [Theory]
    [InlineData("400")]
    [InlineData("599")]
    [InlineData("poll-500")]
    [InlineData("poll-slow=5")]
    [InlineData("webhook-duplicate=3")]
    [InlineData("webhook-delay=2000")]
    [InlineData("webhook-out-of-order")]
    [InlineData("no-webhook")]
    [InlineData("size=1073741824")]
    [InlineData("no-videos")]
    [InlineData("content-policy")]
    [InlineData("stream-error")]
    [InlineData("error")]
    [InlineData("queued=0")]
    [InlineData("processing=10")]
    [InlineData("abort")]
    public void ParseList_DocumentedToken_Parses(string token)
    {
        Assert.Single(FaultGrammar.ParseList(token));
    }
}
