using System.Diagnostics;

namespace MediaGen.Simulator.Cosmic;

/// <summary>
/// <c>POST …/ai/video</c> and <c>…/ai/video/extend</c>: Veo videos. Really 30–180 s; here
/// <see cref="SimulatorOptions.CosmicVideoLatency"/>. The <c>no-videos</c> fault answers the
/// documented content-policy failure "No videos generated".
/// </summary>
internal sealed class CosmicVideoHandler(
    CosmicMediaFactory factory,
    MediaStore store,
    IOptionsMonitor<SimulatorOptions> options,
    TimeProvider time)
{
    public const string NoVideosMessage = "No videos generated";

    public async Task<ProviderReply> GenerateAsync(ProviderCall call, CancellationToken ct)
    {
        var fields = new JsonFields(call.Body);
        var prompt = fields.String("prompt", required: true, minLength: 1);
        var model = fields.String("model", allowed: CosmicCatalog.VideoModels) ?? CosmicCatalog.VeoFast;
        var duration = fields.Integer("duration", allowed: CosmicCatalog.VideoDurations) ?? 8;
        var resolution = fields.String("resolution", allowed: CosmicCatalog.VideoResolutions) ?? "720p";
        fields.StringArray("reference_images", 1, "reference_images accepts at most 1 image (it becomes the first frame).");
        var folder = fields.String("folder");
        var metadata = fields.Object("metadata");
        if (fields.Error is { } error)
        {
            return ProviderReply.Error(StatusCodes.Status400BadRequest, error);
        }

        var seconds = await GenerateDelayAsync(ct);
        if (call.Faults.NoVideos || call.Faults.ContentPolicy)
        {
            return ProviderReply.Error(StatusCodes.Status400BadRequest, NoVideosMessage);
        }

        var name = $"veo-{Guid.NewGuid()}.mp4";
        var meta = CosmicMediaFactory.UserMetadata(metadata);
        meta["duration"] = duration;
        meta["resolution"] = resolution;
        meta["generation_time_seconds"] = seconds;
        var media = factory.Create(call, name, name, MediaFormat.Mp4, folder, prompt, meta, isVeoVideo: true, durationSeconds: (int)duration);
        media.Metadata["veo_file_uri"] = call.Url($"/v1beta/files/{media.Id}");
        var cost = CosmicCatalog.VideoCost(model, duration);
        // The documented response reports the fixed video cost as input tokens.
        return ProviderReply.Ok(new CosmicVideoResponse(media, new CosmicUsage(cost, 0, cost), seconds), mediaIds: media.Id);
    }

    public async Task<ProviderReply> ExtendAsync(ProviderCall call, CancellationToken ct)
    {
        var fields = new JsonFields(call.Body);
        var prompt = fields.String("prompt", required: true, minLength: 1);
        var mediaId = fields.String("media_id", required: true, minLength: 1);
        var model = fields.String("model", allowed: CosmicCatalog.VideoModels) ?? CosmicCatalog.VeoFast;
        var folder = fields.String("folder");
        var metadata = fields.Object("metadata");
        if (fields.Error is { } error)
        {
            return ProviderReply.Error(StatusCodes.Status400BadRequest, error);
        }

        if (store.TryGet(mediaId!, out var source))
        {
            if (!source.IsVeoVideo)
            {
                return ProviderReply.Error(StatusCodes.Status400BadRequest,
                    $"Media {mediaId} cannot be extended: only Veo-generated videos (with veo_file_uri in their metadata) can be extended.");
            }
        }
        else if (options.CurrentValue.RequireKnownMediaForExtend)
        {
            return ProviderReply.Error(StatusCodes.Status404NotFound, $"Media {mediaId} not found.");
        }

        var seconds = await GenerateDelayAsync(ct);
        if (call.Faults.NoVideos || call.Faults.ContentPolicy)
        {
            return ProviderReply.Error(StatusCodes.Status400BadRequest, NoVideosMessage);
        }

        var name = $"veo-ext-{Guid.NewGuid()}.mp4";
        var meta = CosmicMediaFactory.UserMetadata(metadata);
        meta["duration"] = 8;
        meta["resolution"] = "720p";
        meta["generation_time_seconds"] = seconds;
        meta["is_extension"] = true;
        meta["source_media_id"] = mediaId;
        var media = factory.Create(call, name, name, MediaFormat.Mp4, folder, prompt, meta, isVeoVideo: true);
        media.Metadata["veo_file_uri"] = call.Url($"/v1beta/files/{media.Id}");
        var cost = CosmicCatalog.VideoCost(model, 8);
        return ProviderReply.Ok(
            new CosmicVideoExtendResponse(media, new CosmicUsage(cost, 0, cost), seconds, mediaId!, IsExtension: true),
            mediaIds: media.Id);
    }

    /// <summary>Waits the configured video latency; returns the whole seconds reported as generation time.</summary>
    private async Task<int> GenerateDelayAsync(CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var delay = options.CurrentValue.CosmicVideoLatency;
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, time, ct);
        }

        return Math.Max(1, (int)Math.Ceiling(Stopwatch.GetElapsedTime(started).TotalSeconds));
    }
}
