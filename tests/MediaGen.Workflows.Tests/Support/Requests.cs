namespace MediaGen.Workflows.Tests.Support;

/// <summary>Job requests as callers write them.</summary>
internal static class Requests
{
    public static JobRequest Job(JobKind kind, ProviderName provider, string paramsJson, string? idempotencyKey = null, string? callbackUrl = null, DateTimeOffset? deadline = null, JobOutput? output = null) =>
        new(kind, provider, JsonDocument.Parse(paramsJson).RootElement.Clone(), output, idempotencyKey, callbackUrl, deadline);

    public static JobRequest CosmicImage(string prompt = "A lighthouse at dusk", string? idempotencyKey = null, string? callbackUrl = null, DateTimeOffset? deadline = null) =>
        Job(JobKind.Image, ProviderName.Cosmic, JsonSerializer.Serialize(new { prompt }), idempotencyKey, callbackUrl, deadline);

    public static JobRequest CosmicVideo(string prompt = "A kitten plays") =>
        Job(JobKind.Video, ProviderName.Cosmic, JsonSerializer.Serialize(new { prompt, duration = 4 }));

    public static JobRequest PixazoImage(string prompt = "An observatory at night", int images = 1, DateTimeOffset? deadline = null, string? callbackUrl = null) =>
        Job(JobKind.Image, ProviderName.Pixazo, JsonSerializer.Serialize(new { prompt, num_images = images }), deadline: deadline, callbackUrl: callbackUrl);
}
