namespace MediaGen.Core.Jobs;

/// <summary>Where a job's media is stored: <c>{container}/{folder}/{prefix}…</c>. Omitted parts take the configured defaults.</summary>
/// <param name="Container">Blob container (3–63 lowercase letters, digits, dashes).</param>
/// <param name="Folder">Virtual folder inside the container; may contain <c>/</c>.</param>
/// <param name="Prefix">Prefix of each blob name.</param>
public sealed record JobOutput(string? Container = null, string? Folder = null, string? Prefix = null);
