using System.Text.Json.Nodes;

namespace MediaGen.Client;

/// <summary>A job to start: <see cref="Params"/> are exactly the provider's documented fields for the kind.</summary>
/// <param name="Kind">What to generate.</param>
/// <param name="Provider">Who generates it.</param>
/// <param name="Params">The provider's parameters, e.g. <c>{"prompt":"a heron"}</c>.</param>
public sealed record JobRequest(JobKind Kind, ProviderName Provider, JsonObject Params)
{
    /// <summary>Where the media is stored; omitted parts take the service's defaults.</summary>
    public JobOutput? Output { get; init; }

    /// <summary>The same key from the same caller names the same job: a repeat starts nothing.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>Where a signed (Standard Webhooks) delivery is sent when the job ends; verify it with <see cref="CallbackVerifier"/>.</summary>
    public Uri? CallbackUrl { get; init; }

    /// <summary>What the callback URL receives (default: completed only); needs <see cref="CallbackUrl"/>.</summary>
    public IReadOnlyList<CallbackEvent>? CallbackEvents { get; init; }

    /// <summary>When the job gives up.</summary>
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>Providers to try, in order, when the ones before them failed without buying anything.</summary>
    public IReadOnlyList<JobFallback>? Fallbacks { get; init; }
}
