namespace MediaGen.Client;

/// <summary>A batch: jobs started as one request, each item run as a job of its own.</summary>
/// <param name="Items">The jobs (without their own idempotency key or callback).</param>
public sealed record BatchRequest(IReadOnlyList<JobRequest> Items)
{
    /// <summary>The same key from the same caller names the same batch.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>Where a signed delivery is sent when the batch ends.</summary>
    public Uri? CallbackUrl { get; init; }

    /// <summary>What the callback URL receives (default: completed only); needs <see cref="CallbackUrl"/>.</summary>
    public IReadOnlyList<CallbackEvent>? CallbackEvents { get; init; }
}
