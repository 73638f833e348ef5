namespace MediaGen.Core.Providers;

/// <summary>The AI providers MediaGen calls.</summary>
public enum ProviderName
{
    /// <summary>Cosmic AI (text, image, video, video extension, audio).</summary>
    Cosmic,

    /// <summary>Pixazo's NVIDIA Cosmos 3 Super (asynchronous text-to-image and image-to-video).</summary>
    Pixazo,

    /// <summary>CometAPI's OpenAI-compatible image generation.</summary>
    Comet,
}
