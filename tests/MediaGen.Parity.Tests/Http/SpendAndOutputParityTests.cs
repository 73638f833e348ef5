using System.Net.Sockets;
using System.Text;

namespace MediaGen.Parity.Tests.Http;

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
        const string path = "/api/webhooks/pixazo/job-anything?secret=not-the-secret";

        // Both: a body twice the request cap that is not JSON; a handler that read it first would answer 413 or 400.
        await fixture.AssertParityAsync(new ParityRequest("POST", path, new string('x', 2 * ParityFixture.MaxBodyBytes), "application/json", Key: null), 401);

        // The standalone host, reached directly, answers while the announced body is still withheld. Behind a Functions host
        // this cannot be observed: its proxy sends an HTTP/1.1 request's body to the worker before it reads the worker's
        // answer (SocketsHttpHandler serialises the two, in the Functions host's YARP forwarder as in the stand-in's proxy),
        // so a withheld body stalls any request there, whatever the function does (docs/standin-host.md).
        Assert.Equal(401, await StatusWithBodyWithheldAsync(fixture.Standalone.BaseAddress, path));
    }

    /// <summary>
    /// Sends a webhook's headers announcing a 1,000-byte JSON body over a raw connection and none of the body, and reads
    /// the answer's status. A handler that reads the body before checking the secret waits for bytes that never come (until
    /// the server's minimum body data rate aborts the read: never a 401); the 401 answers without it.
    /// </summary>
    private static async Task<int> StatusWithBodyWithheldAsync(Uri baseAddress, string pathAndQuery)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(baseAddress.Host, baseAddress.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST {pathAndQuery} HTTP/1.1\r\nHost: {baseAddress.Authority}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n"));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        using var guard = new CancellationTokenSource(Waits.HangGuard);
        var status = await reader.ReadLineAsync(guard.Token) ?? throw new IOException($"{baseAddress} closed the connection without an answer.");
        return int.Parse(status.Split(' ')[1], CultureInfo.InvariantCulture);
    }

    private static (decimal Reserved, decimal Spent) DailyTokens(HttpAnswer report)
    {
        var daily = report.Json.GetProperty("budgets").EnumerateArray()
            .Single(b => b.GetProperty("unit").GetString() == "tokens" && b.GetProperty("period").GetString() == "daily");
        return (daily.GetProperty("reserved").GetDecimal(), daily.GetProperty("spent").GetDecimal());
    }
}
