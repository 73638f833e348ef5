using MediaGen.Core.Providers.Comet;
using MediaGen.Core.Providers.Cosmic;
using MediaGen.Core.Providers.Pixazo;

namespace MediaGen.Core.Providers;

// Each member is a provider's registration: its wire name (the job's "provider" field) and its module, the folder that
// owns everything about it (docs/providers.md). The summary below is the OpenAPI description: keep it for callers.

/// <summary>The AI providers MediaGen calls.</summary>
public enum ProviderName
{
    /// <summary>Cosmic AI (text, image, video, video extension, audio).</summary>
    [JsonStringEnumMemberName("cosmic"), ProviderModule(typeof(CosmicModule))]
    Cosmic,

    /// <summary>Pixazo's NVIDIA Cosmos 3 Super (asynchronous text-to-image and image-to-video).</summary>
    [JsonStringEnumMemberName("pixazo"), ProviderModule(typeof(PixazoModule))]
    Pixazo,

    /// <summary>CometAPI's OpenAI-compatible image generation.</summary>
    [JsonStringEnumMemberName("comet"), ProviderModule(typeof(CometModule))]
    Comet,
}
