using System.Text.Json.Nodes;

namespace MediaGen.Client;

/// <summary>A Cosmic video extension chain: a video (or an existing media id), then one extension per prompt.</summary>
/// <param name="Initial">The initial video's parameters (Cosmic video), or null with <paramref name="MediaId"/>.</param>
/// <param name="MediaId">An existing Cosmic media id to extend, or null with <paramref name="Initial"/>.</param>
/// <param name="Prompts">One prompt per extension.</param>
public sealed record ChainRequest(JsonObject? Initial, string? MediaId, IReadOnlyList<string> Prompts)
{
    /// <summary>The extension model; the service's default when null.</summary>
    public string? Model { get; init; }

    /// <summary>Where the segments are stored.</summary>
    public JobOutput? Output { get; init; }

    /// <summary>The same key from the same caller names the same chain.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>Where a signed delivery is sent when the chain ends.</summary>
    public Uri? CallbackUrl { get; init; }

    /// <summary>What the callback URL receives (default: completed only); needs <see cref="CallbackUrl"/>.</summary>
    public IReadOnlyList<CallbackEvent>? CallbackEvents { get; init; }

    /// <summary>When the chain gives up.</summary>
    public DateTimeOffset? Deadline { get; init; }
}
