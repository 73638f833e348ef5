namespace MediaGen.Client;

/// <summary>Where a job's media is stored: <c>{container}/{folder}/{prefix}…</c>.</summary>
/// <param name="Container">Blob container (3–63 lowercase letters, digits, dashes).</param>
/// <param name="Folder">Virtual folder inside the container.</param>
/// <param name="Prefix">Prefix of each blob name.</param>
public sealed record JobOutput(string? Container = null, string? Folder = null, string? Prefix = null);
