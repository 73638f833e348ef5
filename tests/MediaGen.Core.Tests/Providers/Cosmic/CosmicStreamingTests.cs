using System.IO.Pipelines;

namespace MediaGen.Core.Tests.Providers.Cosmic;

public sealed class CosmicStreamingTests
{
    private static readonly CosmicTextRequest Request = new(Prompt: "Tell me about coffee mugs", MaxTokens: 500);

    [Fact]
    public async Task StreamText_DocumentedChunks_YieldsFragmentsUsageAndEnd()
    {
        var fake = Sse("""
            data: {"text":"Coffee "}

            data: {"text":"mugs"}

            data: {"usage":{"input_tokens":5,"output_tokens":2}}

            data: {"end":true}


            """);

        var events = await Collect(ProviderTestClients.Cosmic(fake).StreamTextAsync(Request));

        Assert.Equal(
            [CosmicTextStreamEvent.Fragment("Coffee "), CosmicTextStreamEvent.Fragment("mugs"), CosmicTextStreamEvent.ForUsage(new CosmicUsage(5, 2)), CosmicTextStreamEvent.End],
            events);
        Assert.Equal("""{"prompt":"Tell me about coffee mugs","max_tokens":500,"stream":true}""", fake.Requests[0].Body);
        Assert.Equal("text/event-stream", fake.Requests[0].Headers["Accept"]);
    }

    [Fact]
    public async Task StreamText_SdkWireFormat_ReadsTokenCountAndEndEnvelope()
    {
        var fake = Sse("data: {\"text\":\"Hi\"}\r\n\r\ndata: {\"token_count\":{\"input_tokens\":3,\"output_tokens\":1}}\r\n\r\ndata: {\"event\":\"end\",\"data\":{\"text\":\"Hi\",\"usage\":{\"input_tokens\":3,\"output_tokens\":1}}}\r\n\r\n");

        var events = await Collect(ProviderTestClients.Cosmic(fake).StreamTextAsync(Request));

        Assert.Equal([CosmicTextStreamEvent.Fragment("Hi"), CosmicTextStreamEvent.ForUsage(new CosmicUsage(3, 1)), CosmicTextStreamEvent.End], events);
    }

    [Fact]
    public async Task StreamText_NamedEventsCommentsAndMultilineData_AreRead()
    {
        var fake = Sse("""
            : keep-alive

            event: text
            data: line one
            data: line two

            event: usage
            data: {"input_tokens":1,"output_tokens":2,"total_tokens":3}

            event: end
            data: {}


            """);

        var events = await Collect(ProviderTestClients.Cosmic(fake).StreamTextAsync(Request));

        Assert.Equal([CosmicTextStreamEvent.Fragment("line one\nline two"), CosmicTextStreamEvent.ForUsage(new CosmicUsage(1, 2, 3)), CosmicTextStreamEvent.End], events);
    }

    [Fact]
    public async Task StreamText_ErrorChunk_YieldsErrorAsLastEvent()
    {
        var fake = Sse("""
            data: {"text":"Half"}

            data: {"error":{"message":"Model overloaded"}}

            data: {"text":"never read"}


            """);

        var events = await Collect(ProviderTestClients.Cosmic(fake).StreamTextAsync(Request));

        Assert.Equal([CosmicTextStreamEvent.Fragment("Half"), CosmicTextStreamEvent.ForError("Model overloaded")], events);
    }

    // A body that ends before the end event, and one whose end event lacks its blank line: the SSE specification
    // discards such a last event, so both streams end without an end event.
    [Theory]
    [InlineData("data: {\"text\":\"cut\"}\n\n")]
    [InlineData("data: {\"text\":\"cut\"}\n\ndata: {\"end\":true}\n")]
    public async Task StreamText_BodyEndsWithoutACompleteEndEvent_ThrowsMalformedResponseAfterTheFragments(string body)
    {
        var fake = Sse(body);
        var seen = new List<CosmicTextStreamEvent>();

        var error = await Assert.ThrowsAsync<ProviderException>(async () =>
        {
            await foreach (var e in ProviderTestClients.Cosmic(fake).StreamTextAsync(Request))
            {
                seen.Add(e);
            }
        });

        Assert.Equal([CosmicTextStreamEvent.Fragment("cut")], seen);
        Assert.Equal(ProviderErrorType.MalformedResponse, error.ErrorType);
    }

    [Fact]
    public async Task ReadAsync_StreamOverTheLimit_ThrowsMalformedResponseAfterTheEventsWithinIt()
    {
        var body = new MemoryStream(Encoding.UTF8.GetBytes("data: {\"text\":\"a\"}\n\n" + "data: " + new string('x', 200) + "\n\n"));
        var seen = new List<CosmicTextStreamEvent>();

        var error = await Assert.ThrowsAsync<ProviderException>(async () =>
        {
            await foreach (var e in CosmicSseReader.ReadAsync(body, maxBytes: 100, CancellationToken.None))
            {
                seen.Add(e);
            }
        });

        Assert.Equal([CosmicTextStreamEvent.Fragment("a")], seen);
        Assert.Equal(ProviderErrorType.MalformedResponse, error.ErrorType);
        Assert.Contains("over 100 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_StreamOfExactlyTheLimit_IsReadToItsEnd()
    {
        var text = "data: {\"text\":\"a\"}\n\ndata: {\"end\":true}\n\n";
        var body = new MemoryStream(Encoding.UTF8.GetBytes(text));

        var events = await Collect(CosmicSseReader.ReadAsync(body, maxBytes: Encoding.UTF8.GetByteCount(text), CancellationToken.None));

        Assert.Equal([CosmicTextStreamEvent.Fragment("a"), CosmicTextStreamEvent.End], events);
    }

    [Theory]
    [InlineData("data: {\"text\": \"broken\n\n")]
    [InlineData("data: {\"text\":5}\n\n")]
    [InlineData("data: not json at all\n\n")]
    [InlineData("data: {\"usage\":{\"input_tokens\":\"many\"}}\n\n")]
    public async Task StreamText_MalformedEvent_ThrowsMalformedResponse(string body)
    {
        var fake = Sse(body);

        var error = await Assert.ThrowsAsync<ProviderException>(() => Collect(ProviderTestClients.Cosmic(fake).StreamTextAsync(Request)));

        Assert.Equal(ProviderErrorType.MalformedResponse, error.ErrorType);
    }

    [Fact]
    public async Task StreamText_NotAnEventStream_ThrowsMalformedResponse()
    {
        var fake = new FakeHttpHandler().ThenJson("""{"text":"whole"}""");

        var error = await Assert.ThrowsAsync<ProviderException>(() => Collect(ProviderTestClients.Cosmic(fake).StreamTextAsync(Request)));

        Assert.Equal(ProviderErrorType.MalformedResponse, error.ErrorType);
    }

    [Fact]
    public void StreamText_InvalidRequest_ThrowsBeforeEnumeration()
    {
        var fake = new FakeHttpHandler();

        Assert.Throws<MediaGen.Core.Providers.Validation.RequestValidationException>(() => ProviderTestClients.Cosmic(fake).StreamTextAsync(new CosmicTextRequest()));
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task StreamText_FirstEventArrives_IsYieldedBeforeTheRestOfTheBodyExists()
    {
        var pipe = new Pipe();
        var fake = new FakeHttpHandler().Then((_, _) =>
        {
            var content = new StreamContent(pipe.Reader.AsStream());
            content.Headers.ContentType = new("text/event-stream");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
        });
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes("data: {\"text\":\"first\"}\n\n"), guard.Token);

        await using var events = ProviderTestClients.Cosmic(fake).StreamTextAsync(Request, guard.Token).GetAsyncEnumerator(guard.Token);
        Assert.True(await events.MoveNextAsync());
        Assert.Equal("first", events.Current.Text);

        // Only now does the rest of the body exist.
        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes("data: {\"text\":\" second\"}\n\ndata: {\"end\":true}\n\n"), guard.Token);
        await pipe.Writer.CompleteAsync();
        Assert.True(await events.MoveNextAsync());
        Assert.Equal(" second", events.Current.Text);
        Assert.True(await events.MoveNextAsync());
        Assert.Equal(CosmicTextStreamEventKind.End, events.Current.Kind);
        Assert.False(await events.MoveNextAsync());
    }

    [Fact]
    public async Task StreamText_RateLimitedBeforeStreaming_IsRetriedThenStreams()
    {
        var fake = new FakeHttpHandler()
            .Then(HttpStatusCode.TooManyRequests, """{"message":"later"}""")
            .Then(HttpStatusCode.OK, "data: {\"text\":\"ok\"}\n\ndata: {\"end\":true}\n\n", "text/event-stream");

        var events = await Collect(ProviderTestClients.Cosmic(fake).StreamTextAsync(Request));

        Assert.Equal(2, fake.Requests.Count);
        Assert.Equal("ok", events[0].Text);
    }

    private static FakeHttpHandler Sse(string body) => new FakeHttpHandler().Then(HttpStatusCode.OK, body, "text/event-stream");

    private static async Task<List<CosmicTextStreamEvent>> Collect(IAsyncEnumerable<CosmicTextStreamEvent> stream)
    {
        var events = new List<CosmicTextStreamEvent>();
        await foreach (var e in stream)
        {
            events.Add(e);
        }

        return events;
    }
}
