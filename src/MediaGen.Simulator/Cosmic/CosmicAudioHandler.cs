namespace MediaGen.Simulator.Cosmic;

/// <summary><c>POST …/ai/audio</c>: text to speech, answered with an MP3.</summary>
internal sealed class CosmicAudioHandler(CosmicMediaFactory factory)
{
    private const int ChunkLength = 4096;

    public Task<ProviderReply> HandleAsync(ProviderCall call, CancellationToken ct)
    {
        var fields = new JsonFields(call.Body);
        var prompt = fields.String("prompt", required: true, minLength: 1);
        var voice = fields.String("voice", allowed: CosmicCatalog.Voices) ?? "nova";
        var model = fields.String("model", allowed: CosmicCatalog.AudioModels) ?? CosmicCatalog.Tts;
        var folder = fields.String("folder");
        var metadata = fields.Object("metadata");
        if (fields.Error is { } error)
        {
            return Task.FromResult(ProviderReply.Error(StatusCodes.Status400BadRequest, error));
        }

        var chars = prompt!.Length;
        var meta = CosmicMediaFactory.UserMetadata(metadata);
        meta["prompt"] = CosmicMediaFactory.Excerpt(prompt);
        meta["model"] = model;
        meta["voice"] = voice;
        meta["duration_estimate"] = string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, (chars + 899) / 900)} min");
        meta["char_count"] = chars;
        // Texts over 4,096 characters are split at paragraph boundaries and concatenated.
        meta["chunk_count"] = (chars + ChunkLength - 1) / ChunkLength;
        var name = $"tts-{Guid.NewGuid()}.mp3";
        var media = factory.Create(call, name, name, MediaFormat.Mp3, folder, CosmicMediaFactory.Excerpt(prompt), meta);
        var output = CosmicCatalog.AudioCost(model, chars);
        var input = Math.Max(1, chars / 4);
        return Task.FromResult(ProviderReply.Ok(new CosmicAudioResponse(media, new CosmicUsage(input, output, input + output)), mediaIds: media.Id));
    }
}
