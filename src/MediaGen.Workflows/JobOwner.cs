namespace MediaGen.Workflows;

/// <summary>
/// Job ids carry their owner: every job, batch and chain id starts with <see cref="PrefixOf"/> its caller —
/// <c>o</c> + 12 hex digits of SHA-256 of the caller name (case-insensitive) + <c>-</c> — and batch items, batch chunks and
/// failover children derive their ids from their parent's, so they carry it too. Whether a caller owns an id is read from
/// the id alone (no storage read), and a caller's jobs are one instance-id prefix range of the task hub's instance table,
/// which both engines query without reading other callers' rows. Ids without such a prefix (jobs started before owners
/// existed) belong to no caller: only operators see them.
/// </summary>
public static class JobOwner
{
    /// <summary>The caller identity of <c>Api__Key</c> (both hosts), the default intake caller of queue messages and inbox blobs, and of starts that name no caller.</summary>
    public const string DefaultCaller = "default";

    /// <summary>Length of <see cref="PrefixOf"/>'s answer: <c>o</c>, 12 hex digits, <c>-</c>.</summary>
    public const int PrefixLength = 14;

    private const int TagHexDigits = 12;

    /// <summary>The id prefix of <paramref name="caller"/>'s jobs, e.g. <c>o1f3a09c2b7de-</c>.</summary>
    public static string PrefixOf(string caller)
    {
        ArgumentException.ThrowIfNullOrEmpty(caller);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("mediagen-owner:" + caller.ToLowerInvariant()));
        return "o" + Convert.ToHexStringLower(hash)[..TagHexDigits] + "-";
    }

    /// <summary>Whether <paramref name="id"/> names a job, batch or chain of <paramref name="caller"/> (or an item, chunk or child of one).</summary>
    public static bool Owns(string caller, string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return id.StartsWith(PrefixOf(caller), StringComparison.Ordinal);
    }

    /// <summary><paramref name="id"/> without its owner prefix (e.g. <c>job-…</c>, <c>chain-…</c>); unchanged when it has none.</summary>
    public static string LocalPart(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return HasPrefix(id) ? id[PrefixLength..] : id;
    }

    /// <summary>Whether <paramref name="id"/> starts with an owner prefix of <see cref="PrefixOf"/>'s form.</summary>
    public static bool HasPrefix(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return id.Length > PrefixLength && id[0] == 'o' && id[PrefixLength - 1] == '-'
            && id.AsSpan(1, TagHexDigits).ContainsAnyExcept("0123456789abcdef") is false;
    }
}
