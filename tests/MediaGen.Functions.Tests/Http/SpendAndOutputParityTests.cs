using System.Text.Json;
using MediaGen.Functions.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace MediaGen.Functions.Tests.Http;

/// <summary>
/// Issue 28.3, 28.4 and 28.6 in the Functions app's HTTP functions, answered as the standalone host answers: a job, batch
/// or chain whose output is the blob inbox is a 400 naming <c>output.container</c> and buys nothing; the text stream
/// reserves from the caller's budget (402 when it does not fit, before Cosmic is called), settles to what Cosmic reported,
/// and refuses a <c>media_url</c> the job media checks refuse; the Pixazo webhook refuses a wrong secret without reading
/// the body.
/// </summary>
[Collection(ParityCollection.Name)]
public sealed class SpendAndOutputParityTests(ParityFixture fixture)
{
    [Theory]
    [InlineData("/api/jobs", "output.container")]
    [InlineData("/api/batches", "items[0].output.container")]
    [InlineData("/api/chains", "output.container")]
    public async Task Start_OutputIsTheInbox_Returns400NamingOutputContainerAsTheStandaloneHost(string route, string field)
    {
        var prompt = "inbox loop " + Guid.NewGuid().ToString("N");
        var output = $$"""{"container":"{{ParityFixture.InboxContainer}}"}""";
        var job = $$"""{"kind":"image","provider":"cosmic","params":{"prompt":"{{prompt}}"},"output":{{output}}}""";
        var json = route switch
        {
            "/api/jobs" => job,
            "/api/batches" => $$"""{"items":[{{job}}]}""",
            _ => $$"""{"initial":{"prompt":"{{prompt}}"},"prompts":["higher"],"output":{{output}}}""",
        };

        var (standalone, _) = await fixture.AssertParityAsync(ParityRequest.Post(route, json), 400);

        var error = standalone.Json.GetProperty("errors").EnumerateArray().Single(e => e.GetProperty("field").GetString() == field);
        Assert.Equal("not_allowed", error.GetProperty("rule").GetString());
        Assert.DoesNotContain((await fixture.Simulator.GetRequestsAsync()).Requests, r => r.Prompt == prompt);
    }

    [Theory]
    [InlineData("over-budget", 402)]
    [InlineData("media-url-blocked", 400)]
    public async Task StreamText_RefusedBeforeCosmic_AnswersAsTheStandaloneHost(string @case, int status)
    {
        var prompt = $"stream {@case} {Guid.NewGuid():N}";
        var body = @case == "over-budget"
            ? $$"""{"prompt":"{{prompt}}","max_tokens":600000}"""
            : $$"""{"prompt":"{{prompt}}","max_tokens":50,"media_url":"http://10.0.0.7/report.pdf"}""";

        var (standalone, _) = await fixture.AssertParityAsync(ParityRequest.Post("/api/text/stream", body).WithKey(ParityFixture.PartnerStreamKey), status);

        if (status == 402)
        {
            Assert.Equal(("daily tokens", ParityFixture.PartnerStream), (standalone.Json.GetProperty("budget").GetString(), standalone.Json.GetProperty("caller").GetString()));
        }
        else
        {
            Assert.Equal("media_url", standalone.Json.GetProperty("errors")[0].GetProperty("field").GetString());
        }

        Assert.DoesNotContain((await fixture.Simulator.GetRequestsAsync()).Requests, r => r.Prompt == prompt);
    }

    [Fact]
    public async Task StreamText_WithinTheCallersBudget_SettlesToTheReportedUsageAsOnTheStandaloneHost()
    {
        var (before, _) = await fixture.AssertParityAsync(ParityRequest.Get("/api/budgets").WithKey(ParityFixture.PartnerStreamKey), 200);

        var (stream, _) = await fixture.AssertParityAsync(
            ParityRequest.Post("/api/text/stream", """{"prompt":"Tell me about budgets","max_tokens":50}""").WithKey(ParityFixture.PartnerStreamKey), 200);
        var (after, _) = await fixture.AssertParityAsync(ParityRequest.Get("/api/budgets").WithKey(ParityFixture.PartnerStreamKey), 200);

        var usage = JsonDocument.Parse(stream.Body.Split('\n').Single(line => line.StartsWith("data: {\"inputTokens\"", StringComparison.Ordinal))["data: ".Length..]).RootElement;
        var used = usage.GetProperty("inputTokens").GetInt64() + usage.GetProperty("outputTokens").GetInt64();
        // The default text model (claude-opus-4-8) is Cosmic's standard tier: 2 tokens deducted per token used.
        Assert.Equal((0m, DailyTokens(before).Spent + (used * 2)), (DailyTokens(after).Reserved, DailyTokens(after).Spent));
        Assert.Equal(ParityFixture.PartnerStream, after.Json.GetProperty("caller").GetString());
    }

    [Fact]
    public async Task ReceivePixazoWebhook_WrongSecret_Answers401WithoutReadingTheBody()
    {
        var body = new UnreadableStream();
        var http = new DefaultHttpContext();
        http.Request.Method = HttpMethods.Post;
        http.Request.Path = "/api/webhooks/pixazo/job-anything";
        http.Request.QueryString = new QueryString("?secret=not-the-secret");
        http.Request.ContentType = "application/json";
        http.Request.ContentLength = 1_000;
        http.Request.Body = body;
        http.Response.Body = new MemoryStream();

        await fixture.Functions.Invoker.InvokeAsync(http);

        Assert.Equal(StatusCodes.Status401Unauthorized, http.Response.StatusCode);
        Assert.Equal(0, body.Reads);
    }

    private static (decimal Reserved, decimal Spent) DailyTokens(HttpAnswer report)
    {
        var daily = report.Json.GetProperty("budgets").EnumerateArray()
            .Single(b => b.GetProperty("unit").GetString() == "tokens" && b.GetProperty("period").GetString() == "daily");
        return (daily.GetProperty("reserved").GetDecimal(), daily.GetProperty("spent").GetDecimal());
    }

    /// <summary>A request body that counts reads and fails them: a webhook handler that reads it before the secret check fails the test.</summary>
    private sealed class UnreadableStream : Stream
    {
        public int Reads { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw Fail();

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => throw Fail();

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => throw Fail();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private InvalidOperationException Fail()
        {
            Reads++;
            return new InvalidOperationException("The webhook body was read before the secret was checked.");
        }
    }
}
