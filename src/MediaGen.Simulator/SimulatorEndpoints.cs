namespace MediaGen.Simulator;

/// <summary>
/// Stable names of the simulated provider endpoints, used by fault rules and by the request
/// ledger (<c>GET /_simulator/requests</c>).
/// </summary>
public static class SimulatorEndpoints
{
    /// <summary><c>POST /v3/buckets/{slug}/ai/text</c>.</summary>
    public const string CosmicText = "cosmic.text";

    /// <summary><c>POST /v3/buckets/{slug}/ai/image</c>.</summary>
    public const string CosmicImage = "cosmic.image";

    /// <summary><c>POST /v3/buckets/{slug}/ai/video</c>.</summary>
    public const string CosmicVideo = "cosmic.video";

    /// <summary><c>POST /v3/buckets/{slug}/ai/video/extend</c>.</summary>
    public const string CosmicVideoExtend = "cosmic.video-extend";

    /// <summary><c>POST /v3/buckets/{slug}/ai/audio</c>.</summary>
    public const string CosmicAudio = "cosmic.audio";

    /// <summary><c>POST /cosmos-3-super-text-to-image/v1/cosmos-3-super-text-to-image-request</c>.</summary>
    public const string PixazoTextToImage = "pixazo.text-to-image";

    /// <summary><c>POST /cosmos-3-super-image-to-video/v1/cosmos-3-super-image-to-video-request</c>.</summary>
    public const string PixazoImageToVideo = "pixazo.image-to-video";

    /// <summary><c>GET /v2/requests/status/{request_id}</c>.</summary>
    public const string PixazoStatus = "pixazo.status";

    /// <summary><c>POST /v1/images/generations</c>.</summary>
    public const string CometImages = "comet.images";

    /// <summary>Every endpoint name, for validating fault rules.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        CosmicText, CosmicImage, CosmicVideo, CosmicVideoExtend, CosmicAudio,
        PixazoTextToImage, PixazoImageToVideo, PixazoStatus, CometImages,
    ];

    /// <summary>The provider an endpoint name belongs to.</summary>
    public static SimulatedProvider ProviderOf(string endpoint) => endpoint switch
    {
        _ when endpoint.StartsWith("cosmic.", StringComparison.Ordinal) => SimulatedProvider.Cosmic,
        _ when endpoint.StartsWith("pixazo.", StringComparison.Ordinal) => SimulatedProvider.Pixazo,
        _ => SimulatedProvider.Comet,
    };
}
