namespace MediaGen.Simulator.Pixazo;

/// <summary>
/// Pixazo generate requests: validates every documented parameter, creates the media up front and
/// answers 202 with a <c>request_id</c>; <c>sync_mode: true</c> answers the finished result inline.
/// </summary>
internal sealed class PixazoSubmitHandler(
    PixazoJobStore jobs,
    MediaStore media,
    PixazoWebhookDispatcher webhooks,
    IOptionsMonitor<SimulatorOptions> options,
    TimeProvider time)
{
    public Task<ProviderReply> TextToImageAsync(ProviderCall call, CancellationToken ct)
    {
        var fields = new JsonFields(call.Body);
        fields.String("prompt", required: true, minLength: 1, maxLength: 4096);
        fields.String("negative_prompt", maxLength: 1024);
        ValidateCommon(fields);
        var count = fields.Integer("num_images", 1, 4) ?? 1;
        var format = fields.String("output_format", allowed: PixazoModels.OutputFormats) ?? "jpeg";
        return Task.FromResult(fields.Error is { } error
            ? ProviderReply.Error(StatusCodes.Status400BadRequest, error)
            : Submit(call, fields, PixazoModels.TextToImage, format == "png" ? MediaFormat.Png : MediaFormat.Jpeg, (int)count));
    }

    public Task<ProviderReply> ImageToVideoAsync(ProviderCall call, CancellationToken ct)
    {
        var fields = new JsonFields(call.Body);
        fields.String("prompt", required: true, minLength: 1, maxLength: 4096);
        fields.String("image_url", required: true, minLength: 1);
        fields.String("negative_prompt", maxLength: 2048);
        ValidateCommon(fields);
        fields.Integer("num_frames", 5, 189);
        fields.Integer("frames_per_second", 4, 60);
        return Task.FromResult(fields.Error is { } error
            ? ProviderReply.Error(StatusCodes.Status400BadRequest, error)
            : Submit(call, fields, PixazoModels.ImageToVideo, MediaFormat.Mp4, 1));
    }

    private static void ValidateCommon(JsonFields fields)
    {
        fields.Boolean("enable_prompt_expansion");
        fields.Boolean("enable_agentic_generation");
        fields.Integer("agentic_max_iterations", 1, 3);
        fields.Integer("agentic_samples_per_iteration", 1, 3);
        fields.Boolean("agentic_early_stop");
        ValidateImageSize(fields);
        fields.Integer("num_inference_steps", 1, 50);
        fields.Number("guidance_scale", 0, 20);
        fields.Boolean("enable_safety_checker");
        fields.Integer("seed");
        fields.Boolean("sync_mode");
    }

    private static void ValidateImageSize(JsonFields fields)
    {
        const string Rule = "image_size must be one of square_hd, square, portrait_4_3, portrait_16_9, landscape_4_3, landscape_16_9 or an object {\"width\": integer, \"height\": integer}.";
        switch (fields.Raw("image_size"))
        {
            case null:
                break;
            case { ValueKind: JsonValueKind.String }:
                fields.String("image_size", allowed: PixazoModels.ImageSizePresets);
                break;
            case { ValueKind: JsonValueKind.Object } custom:
                var size = new JsonFields(custom);
                if (size.Integer("width", 1, 16384) is null || size.Integer("height", 1, 16384) is null || size.Error is not null)
                {
                    fields.Reject(Rule + " " + (size.Error is { } e ? "image_size." + e : "Both width and height are required."));
                }

                break;
            default:
                fields.Reject(Rule);
                break;
        }
    }

    private ProviderReply Submit(ProviderCall call, JsonFields fields, string model, MediaFormat format, int count)
    {
        var now = time.GetUtcNow();
        var requestId = $"{model}_{Guid.CreateVersion7(now)}";
        var o = options.CurrentValue;
        var plan = call.Faults;
        var sync = fields.Boolean("sync_mode") ?? false;

        var urls = new List<string>();
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var name = count == 1 ? $"output.{MediaFormats.Extension(format)}" : $"output-{i + 1}.{MediaFormats.Extension(format)}";
            if (plan.MediaSize is { } size)
            {
                urls.Add(call.Url($"/media/synthetic/{requestId}-{name}?size={size.ToString(CultureInfo.InvariantCulture)}"));
                continue;
            }

            var stored = media.Create(name, format, isVeoVideo: false);
            ids.Add(stored.Id);
            urls.Add(sync
                ? $"data:{MediaFormats.ContentType(format)};base64,{Convert.ToBase64String(stored.Bytes.Span)}"
                : call.Url($"/media/{stored.Id}/{name}"));
        }

        var webhookHeader = call.Context.Request.Headers["X-Webhook-URL"].ToString();
        Uri? webhookUrl = null;
        if (webhookHeader.Length > 0
            && (!Uri.TryCreate(webhookHeader, UriKind.Absolute, out webhookUrl) || (webhookUrl.Scheme != Uri.UriSchemeHttp && webhookUrl.Scheme != Uri.UriSchemeHttps)))
        {
            return ProviderReply.Error(StatusCodes.Status400BadRequest, "X-Webhook-URL must be an absolute http(s) URL.");
        }

        var job = new PixazoJob(
            requestId, model, call.Prompt, now,
            sync ? TimeSpan.Zero : plan.QueuedFor ?? o.PixazoQueuedFor,
            sync ? TimeSpan.Zero : plan.ProcessingFor ?? o.PixazoProcessingFor,
            plan.Outcome ?? PixazoRequestStatus.Completed, plan.OutcomeMessage, urls, MediaFormats.ContentType(format),
            new PixazoWebhookPlan(plan.NoWebhook ? null : webhookUrl, plan.WebhookCopies, plan.WebhookDelay, plan.WebhookOutOfOrder),
            plan.PollDirectives);
        jobs.Add(job);
        if (job.Webhook.Url is not null)
        {
            webhooks.Schedule(job);
        }

        if (sync)
        {
            // sync_mode answers the finished request inline, media as base64 data URIs.
            return ProviderReply.Ok(job.DescribeAt(now), StatusCodes.Status200OK, requestId, ids);
        }

        var polling = call.Url($"/v2/requests/status/{requestId}");
        return ProviderReply.Ok(new PixazoSubmitResponse(requestId, PixazoJob.Wire(PixazoRequestStatus.Queued), polling), StatusCodes.Status202Accepted, requestId, ids);
    }
}
