namespace MediaGen.Simulator.Comet;

/// <summary>
/// <c>POST /v1/images/generations</c> (OpenAI-compatible). URL responses point at WEBP files on the
/// simulator, as the documented live example returned a .webp; <c>b64_json</c> carries PNG bytes.
/// gpt-image models always answer <c>b64_json</c> (the document calls them base64-first).
/// </summary>
internal sealed class CometImagesHandler(MediaStore media, TimeProvider time)
{
    private static readonly string[] ResponseFormats = ["url", "b64_json"];

    public Task<ProviderReply> HandleAsync(ProviderCall call, CancellationToken ct)
    {
        var fields = new JsonFields(call.Body);
        var model = fields.String("model", minLength: 1) ?? "dall-e-3";
        var prompt = fields.String("prompt", required: true, minLength: 1);
        var n = fields.Integer("n", 1, 10) ?? 1;
        if (model == "qwen-image" && n > 1)
        {
            fields.Reject($"n must be 1 for qwen-image (got {n}).");
        }

        var sizes = SizesOf(model);
        var size = fields.String("size", allowed: sizes);
        if (sizes is null && size is not null && !IsDimensions(size))
        {
            fields.Reject($"size must look like WIDTHxHEIGHT, e.g. 1024x1024 (got '{size}').");
        }

        var format = fields.String("response_format", allowed: ResponseFormats) ?? (IsGptImage(model) ? "b64_json" : "url");
        if (fields.Error is { } error)
        {
            return Task.FromResult(ProviderReply.Error(StatusCodes.Status400BadRequest, error));
        }

        if (call.Faults.ContentPolicy)
        {
            return Task.FromResult(ProviderReply.Error(StatusCodes.Status400BadRequest,
                "Your request was rejected as a result of our safety system.", "content_policy_violation"));
        }

        var b64 = format == "b64_json" || IsGptImage(model);
        var revised = model == "dall-e-3" ? $"{prompt!.TrimEnd('.')}, as rendered by the MediaGen provider simulator." : null;
        var created = time.GetUtcNow().ToUnixTimeSeconds();
        if (b64 && call.Faults.MediaSize is { } large)
        {
            return Task.FromResult(ProviderReply.Stream((context, token) => WriteLargeBase64Async(context, created, revised, (int)n, large, token)));
        }

        var data = new List<CometImageData>();
        var ids = new List<string>();
        for (var i = 0; i < n; i++)
        {
            if (b64)
            {
                var png = media.Create("image.png", MediaFormat.Png);
                ids.Add(png.Id);
                data.Add(new CometImageData(revised, null, Convert.ToBase64String(png.Bytes.Span)));
            }
            else if (call.Faults.MediaSize is { } syntheticSize)
            {
                data.Add(new CometImageData(revised, call.Url($"/media/synthetic/comet-{Guid.NewGuid():N}.webp?size={syntheticSize}"), null));
            }
            else
            {
                var webp = media.Create($"{Guid.NewGuid():N}.webp", MediaFormat.Webp);
                ids.Add(webp.Id);
                data.Add(new CometImageData(revised, call.Url($"/media/{webp.Id}/{webp.Name}"), null));
            }
        }

        return Task.FromResult(ProviderReply.Ok(new CometImageResponse(created, data), mediaIds: ids));
    }

    /// <summary>Streams <c>b64_json</c> of a synthetic PNG of any size without building the string in memory.</summary>
    private static async Task WriteLargeBase64Async(HttpContext context, long created, string? revised, int count, long size, CancellationToken ct)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync($"{{\"created\":{created},\"data\":[", ct);
        var buffer = new byte[48 * 1024]; // a multiple of 3: chunks encode without padding in between
        for (var i = 0; i < count; i++)
        {
            var prefix = (i > 0 ? "," : "") + "{" + (revised is null ? "" : $"\"revised_prompt\":{SimulatorJson.Serialize(revised)},") + "\"b64_json\":\"";
            await context.Response.WriteAsync(prefix, ct);
            await using var source = new SyntheticMediaStream(MediaSamples.Header(MediaFormat.Png, size), size, seed: i);
            int read;
            while ((read = await source.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct)) > 0)
            {
                await context.Response.Body.WriteAsync(Encoding.ASCII.GetBytes(Convert.ToBase64String(buffer, 0, read)), ct);
            }

            await context.Response.WriteAsync("\"}", ct);
        }

        await context.Response.WriteAsync("]}", ct);
    }

    private static bool IsGptImage(string model) => model.StartsWith("gpt-image-", StringComparison.Ordinal);

    private static string[]? SizesOf(string model) => model switch
    {
        "dall-e-3" => ["1024x1024", "1792x1024", "1024x1792"],
        "dall-e-2" => ["256x256", "512x512", "1024x1024"],
        _ when IsGptImage(model) => ["1024x1024", "1536x1024", "1024x1536", "auto"],
        _ => null,
    };

    private static bool IsDimensions(string size) =>
        size.Split('x') is [var w, var h] && int.TryParse(w, out var width) && int.TryParse(h, out var height) && width > 0 && height > 0;
}
