namespace MediaGen.Workflows;

/// <summary>
/// The ids starts give: every job, batch and chain id is its owner's <see cref="JobOwner.PrefixOf"/> + <c>{kind}-</c> +
/// a hash of the owner and the idempotency key when there is one (the same caller's same key always names the same
/// instance, another caller's equal key another), else the prefix + a given id (e.g. a queue message's), else the prefix +
/// a new one.
/// </summary>
public static class JobIds
{
    /// <summary>Longest instance id a start may be given (the owner prefix and batch item or failover suffixes stay within the engine's 100).</summary>
    public const int MaxGivenLength = 80;

    /// <summary>
    /// The id <paramref name="owner"/>'s <paramref name="idempotencyKey"/> names for a <paramref name="kind"/> (<c>job</c>,
    /// <c>batch</c>, <c>chain</c>): the owner's <see cref="JobOwner.PrefixOf"/> + <c>{kind}-</c> + the first 128 bits of
    /// SHA-256 of kind, owner (case-insensitive) and key, in hex.
    /// </summary>
    public static string Keyed(string kind, string owner, string idempotencyKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(kind + ":" + owner.ToLowerInvariant() + ":" + idempotencyKey));
        return $"{JobOwner.PrefixOf(owner)}{kind}-{Convert.ToHexStringLower(hash.AsSpan(0, 16))}";
    }

    /// <summary>
    /// The id to start a queue message's job under (when its request has no idempotency key): <c>job-</c> + the message id,
    /// so the job looks like every other job and a redelivery of the message finds the same one.
    /// </summary>
    public static string ForQueueMessage(string messageId)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        return "job-" + messageId;
    }

    /// <summary>The full id of the job <paramref name="owner"/>'s queue message <paramref name="messageId"/> starts (its request without an idempotency key).</summary>
    public static string OfQueueMessage(string owner, string messageId) => JobOwner.PrefixOf(owner) + ForQueueMessage(messageId);

    /// <summary><see cref="Keyed"/> when there is a key; else the owner's prefix + the given id; else the prefix + a new one.</summary>
    /// <exception cref="ArgumentException"><paramref name="instanceId"/> is not 1–<see cref="MaxGivenLength"/> letters, digits, '-' or '_'.</exception>
    public static string For(string kind, string? idempotencyKey, string? instanceId, string owner)
    {
        if (idempotencyKey is not null)
        {
            return Keyed(kind, owner, idempotencyKey);
        }

        var prefix = JobOwner.PrefixOf(owner);
        if (instanceId is null)
        {
            return $"{prefix}{kind}-{Guid.NewGuid():N}";
        }

        if (instanceId.Length is 0 or > MaxGivenLength || !instanceId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new ArgumentException($"An instance id must be 1–{MaxGivenLength} letters, digits, '-' or '_'.", nameof(instanceId));
        }

        return prefix + instanceId;
    }
}
