namespace MediaGen.Simulator.Pipeline;

/// <summary>
/// The shared path of every simulated provider call: authenticate, parse, fire faults, add
/// latency, run the handler, write the answer in the provider's shape and count it.
/// </summary>
internal sealed class ProviderPipeline(
    RequestLedger ledger,
    FaultRegistry faults,
    ProviderAuth auth,
    IOptionsMonitor<SimulatorOptions> options,
    TimeProvider time)
{
    public async Task HandleAsync(HttpContext context, string endpoint, Func<ProviderCall, CancellationToken, Task<ProviderReply>> handler)
    {
        var provider = SimulatorEndpoints.ProviderOf(endpoint);
        var ct = context.RequestAborted;
        var receivedAt = time.GetUtcNow();

        if (auth.Check(provider, context.Request) is { } denied)
        {
            await WriteErrorAsync(context, provider, StatusCodes.Status401Unauthorized, denied);
            Record(context, endpoint, null, 0, StatusCodes.Status401Unauthorized, receivedAt, null, []);
            return;
        }

        JsonElement body;
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: ct);
            body = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            await WriteErrorAsync(context, provider, StatusCodes.Status400BadRequest, $"Request body is not valid JSON: {e.Message}");
            Record(context, endpoint, null, 0, StatusCodes.Status400BadRequest, receivedAt, null, []);
            return;
        }

        if (body.ValueKind != JsonValueKind.Object)
        {
            await WriteErrorAsync(context, provider, StatusCodes.Status400BadRequest, "Request body must be a JSON object.");
            Record(context, endpoint, null, 0, StatusCodes.Status400BadRequest, receivedAt, null, []);
            return;
        }

        var prompt = PromptOf(body);
        IReadOnlyList<FaultDirective> directives;
        try
        {
            directives = FaultGrammar.ParsePrompt(prompt);
        }
        catch (FormatException e)
        {
            await WriteErrorAsync(context, provider, StatusCodes.Status400BadRequest, e.Message);
            Record(context, endpoint, prompt, 0, StatusCodes.Status400BadRequest, receivedAt, null, []);
            return;
        }

        var attempt = ledger.BeginAttempt(endpoint, prompt);
        var plan = FaultPlan.From([.. faults.Take(endpoint, prompt, requestId: null), .. directives], attempt);
        var call = new ProviderCall(context, endpoint, body, prompt, attempt, plan, SimulatorUrls.BaseOf(context, options.CurrentValue));

        if (await ApplyFaultsAsync(context, provider, plan, ct))
        {
            Record(context, endpoint, prompt, attempt, plan.Abort ? 0 : context.Response.StatusCode, receivedAt, null, [], plan: plan);
            return;
        }

        var reply = await handler(call, ct);
        await WriteReplyAsync(context, provider, reply, plan.Malformed, ct);
        Record(context, endpoint, prompt, attempt, reply.Writer is null ? reply.StatusCode : context.Response.StatusCode, receivedAt, reply, reply.MediaIds, plan);
    }

    /// <summary>
    /// Waits the configured latency plus any <c>slow</c> fault, then applies <c>abort</c> and
    /// injected status faults. Returns true when the call has been answered.
    /// </summary>
    public async Task<bool> ApplyFaultsAsync(HttpContext context, SimulatedProvider provider, FaultPlan plan, CancellationToken ct)
    {
        var delay = options.CurrentValue.Latency + plan.Delay;
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, time, ct);
        }

        if (plan.Abort)
        {
            context.Abort();
            return true;
        }

        if (plan.StatusCode is { } status)
        {
            if (status == StatusCodes.Status429TooManyRequests)
            {
                var retryAfter = plan.RetryAfter ?? options.CurrentValue.DefaultRetryAfter;
                context.Response.Headers.RetryAfter = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            await WriteErrorAsync(context, provider, status, ProviderErrors.DefaultMessage(provider, status));
            return true;
        }

        return false;
    }

    /// <summary>Writes a success as JSON (or broken JSON for the <c>malformed</c> fault), an error, or a stream.</summary>
    public static async Task WriteReplyAsync(HttpContext context, SimulatedProvider provider, ProviderReply reply, bool malformed, CancellationToken ct)
    {
        if (reply.ErrorMessage is { } message)
        {
            await WriteErrorAsync(context, provider, reply.StatusCode, message, reply.ErrorCode);
            return;
        }

        if (reply.Writer is { } writer)
        {
            await writer(context, ct);
            return;
        }

        var json = reply.Json ?? "{}";
        if (malformed)
        {
            // Cut the document in half: looks like JSON, never parses.
            json = json[..(json.Length / 2)] + "\u0000<!-- upstream proxy error";
        }

        context.Response.StatusCode = reply.StatusCode;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(json, Encoding.UTF8, ct);
    }

    public static async Task WriteErrorAsync(HttpContext context, SimulatedProvider provider, int statusCode, string message, string? code = null)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(ProviderErrors.Json(provider, statusCode, message, code), Encoding.UTF8, context.RequestAborted);
    }

    /// <summary>
    /// The text fault directives are read from: <c>prompt</c>, else the last chat message's
    /// <c>content</c> (Cosmic chat requests have no prompt).
    /// </summary>
    private static string? PromptOf(JsonElement body)
    {
        if (body.TryGetProperty("prompt", out var prompt) && prompt.ValueKind == JsonValueKind.String)
        {
            return prompt.GetString();
        }

        return body.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array
            && messages.GetArrayLength() > 0
            && messages[messages.GetArrayLength() - 1] is { ValueKind: JsonValueKind.Object } last
            && last.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String
                ? content.GetString()
                : null;
    }

    private void Record(
        HttpContext context, string endpoint, string? prompt, int attempt, int status, DateTimeOffset receivedAt,
        ProviderReply? reply, IReadOnlyList<string> mediaIds, FaultPlan? plan = null) =>
        ledger.Record(new LedgerEntry(
            0,
            SimulatorEndpoints.ProviderOf(endpoint).ToString().ToLowerInvariant(),
            endpoint,
            context.Request.Path.Value ?? "",
            prompt,
            attempt,
            status,
            reply is { Accepted: true, ErrorMessage: null } && status is >= 200 and < 300,
            reply?.RequestId,
            mediaIds,
            plan?.Applied ?? [],
            receivedAt));
}
