namespace MediaGen.Simulator.Cosmic;

/// <summary>
/// <c>POST …/ai/text</c>: a deterministic answer, or with <c>stream: true</c> server-sent events
/// (<c>data: {json}</c> + blank line). Each chunk carries the fields the Cosmic document lists for
/// stream chunks (<c>text</c>, <c>usage</c>, <c>end: true</c>, <c>error</c>) and, alongside, the keys
/// the official JS SDK parses on the wire (<c>token_count</c> for usage, <c>event: "end"</c> with
/// <c>data</c>), so a client written to either reading works:
/// <code>
/// data: {"text":"Simulated"}
/// data: {"usage":{…},"token_count":{…}}
/// data: {"end":true,"event":"end","data":{"text":"…","usage":{…}}}
/// data: {"error":{"message":"…"}}            (instead of the end chunk, on failure)
/// </code>
/// </summary>
internal sealed class CosmicTextHandler(IOptionsMonitor<SimulatorOptions> options, TimeProvider time)
{
    private static readonly string[] Filler =
        "The simulator wrote this answer deterministically so tests can assert on it without any network, key or model behind it."
            .Split(' ');

    public Task<ProviderReply> HandleAsync(ProviderCall call, CancellationToken ct)
    {
        var fields = new JsonFields(call.Body);
        var prompt = fields.String("prompt", minLength: 1);
        var messages = ReadMessages(fields);
        var model = fields.String("model", allowed: CosmicCatalog.TextModels) ?? CosmicCatalog.DefaultTextModel;
        var maxTokens = fields.Integer("max_tokens", min: 1);
        fields.String("media_url", minLength: 1);
        var stream = fields.Boolean("stream") ?? false;
        if (fields.Error is null && prompt is null && messages is null)
        {
            fields.Reject("You must provide either a prompt or messages parameter.");
        }

        if (fields.Error is { } error)
        {
            return Task.FromResult(ProviderReply.Error(StatusCodes.Status400BadRequest, error));
        }

        var question = prompt ?? messages!.LastOrDefault(m => m.Role == "user")?.Content ?? messages![^1].Content;
        var words = Answer(model, question, maxTokens);
        var usage = new CosmicUsage(CountWords(prompt) + (messages?.Sum(m => CountWords(m.Content)) ?? 0), words.Count);
        if (!stream)
        {
            return Task.FromResult(ProviderReply.Ok(new CosmicTextResponse(string.Join(' ', words), usage)));
        }

        return Task.FromResult(ProviderReply.Stream((context, token) => StreamAsync(context, call, words, usage, token)));
    }

    private async Task StreamAsync(HttpContext context, ProviderCall call, IReadOnlyList<string> words, CosmicUsage usage, CancellationToken ct)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        var text = new StringBuilder();
        for (var i = 0; i < words.Count; i++)
        {
            if (call.Faults.StreamError && i == words.Count / 2)
            {
                await SendAsync(context, new JsonObject { ["error"] = new JsonObject { ["message"] = "Simulated stream failure (stream-error directive)." } }, ct);
                return;
            }

            var fragment = (i == 0 ? "" : " ") + words[i];
            text.Append(fragment);
            if (call.Faults.Malformed && i == words.Count / 2)
            {
                await context.Response.WriteAsync("data: {\"text\": \"" + fragment + "\n\n", ct);
                await context.Response.Body.FlushAsync(ct);
                continue;
            }

            await SendAsync(context, new JsonObject { ["text"] = fragment }, ct);
            if (options.CurrentValue.StreamChunkDelay > TimeSpan.Zero)
            {
                await Task.Delay(options.CurrentValue.StreamChunkDelay, time, ct);
            }
        }

        var usageNode = JsonSerializer.SerializeToNode(usage, SimulatorJsonContext.Default.CosmicUsage);
        await SendAsync(context, new JsonObject { ["usage"] = usageNode, ["token_count"] = usageNode?.DeepClone() }, ct);
        await SendAsync(context, new JsonObject
        {
            ["end"] = true,
            ["event"] = "end",
            ["data"] = new JsonObject { ["text"] = text.ToString(), ["usage"] = usageNode?.DeepClone() },
        }, ct);
    }

    private static async Task SendAsync(HttpContext context, JsonObject data, CancellationToken ct)
    {
        await context.Response.WriteAsync("data: " + data.ToJsonString(SimulatorJson.Options) + "\n\n", ct);
        await context.Response.Body.FlushAsync(ct);
    }

    private static List<CosmicMessage>? ReadMessages(JsonFields fields)
    {
        if (fields.Array("messages") is not { } array)
        {
            return null;
        }

        var messages = new List<CosmicMessage>();
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var message = new JsonFields(item);
            if (item.ValueKind != JsonValueKind.Object)
            {
                fields.Reject($"messages[{index}] must be an object with role and content.");
                return null;
            }

            var role = message.String("role", required: true, allowed: CosmicCatalog.Roles);
            var content = message.String("content", required: true, minLength: 1);
            if (message.Error is { } error)
            {
                fields.Reject($"messages[{index}].{error}");
                return null;
            }

            messages.Add(new CosmicMessage(role!, content!));
            index++;
        }

        if (messages.Count == 0)
        {
            fields.Reject("messages must contain at least one message.");
            return null;
        }

        return messages;
    }

    private static List<string> Answer(string model, string question, long? maxTokens)
    {
        var topic = string.Join(' ', question.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8));
        var words = new List<string> { "Simulated", model, "answer", "to:", $"\"{topic}\"." };
        words.AddRange(Filler);
        return [.. words.Take((int)Math.Min(maxTokens ?? int.MaxValue, words.Count))];
    }

    private static int CountWords(string? text) => text?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length ?? 0;

    private sealed record CosmicMessage(string Role, string Content);
}
