namespace MediaGen.Simulator.Tests.Cosmic;

public sealed class CosmicTextTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    private readonly HttpClient _client = simulator.Client;

    [Fact]
    public async Task Text_Prompt_ReturnsTextAndUsage()
    {
        using var response = await _client.PostCosmicAsync("text", new { prompt = "Write a product description for a coffee mug", max_tokens = 500 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Contains("coffee mug", (string)body["text"]!, StringComparison.Ordinal);
        Assert.True((int)body["usage"]!["input_tokens"]! > 0);
        Assert.True((int)body["usage"]!["output_tokens"]! > 0);
    }

    [Fact]
    public async Task Text_MaxTokensThree_ReturnsThreeWords()
    {
        using var response = await _client.PostCosmicAsync("text", new { prompt = "Hello", max_tokens = 3 });

        var body = await response.JsonAsync();
        Assert.Equal(3, ((string)body["text"]!).Split(' ').Length);
        Assert.Equal(3, (int)body["usage"]!["output_tokens"]!);
    }

    [Fact]
    public async Task Text_Messages_AnswersLastUserMessage()
    {
        var messages = new object[]
        {
            new { role = "user", content = "Tell me about coffee mugs" },
            new { role = "assistant", content = "Coffee mugs are vessels..." },
            new { role = "user", content = "What materials are they typically made from?" },
        };

        using var response = await _client.PostCosmicAsync("text", new { messages, model = "gemini-3.1-pro-preview" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = (string)(await response.JsonAsync())["text"]!;
        Assert.Contains("materials", text, StringComparison.Ordinal);
        Assert.Contains("gemini-3.1-pro-preview", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"max_tokens\":500}", "either a prompt or messages")]
    [InlineData("{\"prompt\":\"x\",\"model\":\"claude-3-opus\"}", "model must be one of")]
    [InlineData("{\"prompt\":\"x\",\"max_tokens\":0}", "max_tokens")]
    [InlineData("{\"prompt\":\"x\",\"stream\":\"yes\"}", "stream must be a boolean")]
    [InlineData("{\"messages\":[{\"role\":\"system\",\"content\":\"x\"}]}", "messages[0].role")]
    [InlineData("{\"messages\":[]}", "at least one message")]
    [InlineData("{\"prompt\":42}", "prompt must be a string")]
    public async Task Text_InvalidBody_Returns400NamingTheRule(string body, string expected)
    {
        using var response = await _client.PostCosmicAsync("text", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.JsonAsync();
        Assert.Equal(400, (int)error["status"]!);
        Assert.Contains(expected, (string)error["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_MalformedJsonBody_Returns400()
    {
        using var response = await _client.PostCosmicAsync("text", "{\"prompt\": ");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid JSON", (string)(await response.JsonAsync())["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_Stream_SendsTextFragmentsUsageAndEnd()
    {
        using var response = await _client.PostCosmicAsync("text", new { prompt = "Tell me about coffee mugs", stream = true });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = await ReadEventsAsync(response);
        var fragments = events.Where(e => e.ContainsKey("text")).Select(e => (string)e["text"]!).ToList();
        Assert.True(fragments.Count > 3);
        var usage = Assert.Single(events, e => e.ContainsKey("usage"));
        Assert.Equal(fragments.Count, (int)usage["usage"]!["output_tokens"]!);
        Assert.Equal(usage["usage"]!.ToJsonString(), usage["token_count"]!.ToJsonString());
        var end = events[^1];
        Assert.True((bool)end["end"]!);
        Assert.Equal("end", (string)end["event"]!);
        Assert.Equal(string.Concat(fragments), (string)end["data"]!["text"]!);
    }

    [Fact]
    public async Task Text_StreamWithStreamErrorDirective_EndsWithErrorEvent()
    {
        using var response = await _client.PostCosmicAsync("text", new { prompt = "Tell me [sim:stream-error]", stream = true });

        var events = await ReadEventsAsync(response);
        Assert.Contains(events, e => e.ContainsKey("text"));
        Assert.Contains("stream failure", (string)events[^1]["error"]!["message"]!, StringComparison.Ordinal);
        Assert.DoesNotContain(events, e => e.ContainsKey("end"));
    }

    [Fact]
    public async Task Text_StreamWithMalformedDirective_SendsAnUnparsableEvent()
    {
        using var response = await _client.PostCosmicAsync("text", new { prompt = "Tell me [sim:malformed]", stream = true });

        var raw = await response.Content.ReadAsStringAsync();
        var bad = raw.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Where(e => e.StartsWith("data: ", StringComparison.Ordinal))
            .Count(e => !TryParse(e["data: ".Length..]));
        Assert.Equal(1, bad);
    }

    internal static async Task<List<JsonObject>> ReadEventsAsync(HttpResponseMessage response)
    {
        var events = new List<JsonObject>();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                events.Add(JsonNode.Parse(line["data: ".Length..])!.AsObject());
            }
            else
            {
                Assert.Equal("", line); // every event is one data line and a blank line
            }
        }

        return events;
    }

    private static bool TryParse(string json)
    {
        try
        {
            JsonNode.Parse(json);
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }
}
