namespace MediaGen.Core.Media;

/// <summary>
/// The deterministic blob naming scheme: <c>{folder}/{prefix}{jobId}/{itemIndex}{ext}</c> (no leading folder when
/// it is empty), the extension following the stored content type. Copying the same item again yields the same
/// name, so a re-run overwrites the blob instead of adding a second one. The job API validates caller-supplied
/// parts with the same rules.
/// </summary>
public static partial class MediaBlobNames
{
    private const int MaxBlobNameLength = 1024;

    /// <summary>The blob name of one item.</summary>
    /// <exception cref="ArgumentException">A part breaks the rules (see <see cref="JobIdProblem"/> and the others).</exception>
    public static string For(string? folder, string? prefix, string jobId, int itemIndex, string contentType)
    {
        Check(JobIdProblem(jobId), nameof(jobId));
        Check(FolderProblem(folder), nameof(folder));
        Check(PrefixProblem(prefix), nameof(prefix));
        ArgumentOutOfRangeException.ThrowIfNegative(itemIndex);
        var name = JobFolder(folder, prefix, jobId)
            + itemIndex.ToString(System.Globalization.CultureInfo.InvariantCulture) + MediaContentTypes.ExtensionFor(contentType);
        return name.Length <= MaxBlobNameLength ? name : throw new ArgumentException($"The blob name would be longer than {MaxBlobNameLength} characters.", nameof(folder));
    }

    /// <summary>The blob name prefix every item of <paramref name="jobId"/> starts with: <c>{folder}/{prefix}{jobId}/</c>.</summary>
    public static string JobFolder(string? folder, string? prefix, string jobId)
    {
        var trimmed = (folder ?? "").Trim('/');
        return (trimmed.Length == 0 ? "" : trimmed + "/") + prefix + jobId + "/";
    }

    /// <summary>Why <paramref name="jobId"/> cannot be part of a blob name, or null when it can.</summary>
    public static string? JobIdProblem(string? jobId) =>
        jobId is not null && SafePart().IsMatch(jobId) && jobId.Length <= 200 && jobId is not ("." or "..")
            ? null
            : $"job id '{jobId}' must be 1-200 letters, digits, '-', '_' or '.'";

    /// <summary>Why <paramref name="folder"/> cannot be a blob folder, or null when it can (empty is fine).</summary>
    public static string? FolderProblem(string? folder)
    {
        var trimmed = (folder ?? "").Trim('/');
        if (trimmed.Length == 0)
        {
            return null;
        }

        return trimmed.Length <= 512 && trimmed.Split('/').All(s => SafePart().IsMatch(s) && s is not ("." or ".."))
            ? null
            : $"'{folder}' must be '/'-separated segments of letters, digits, '-', '_' or '.' (no '.' or '..' segments), at most 512 characters.";
    }

    /// <summary>Why <paramref name="prefix"/> cannot prefix a job id, or null when it can (empty is fine).</summary>
    public static string? PrefixProblem(string? prefix) =>
        string.IsNullOrEmpty(prefix) || (prefix.Length <= 100 && SafePart().IsMatch(prefix))
            ? null
            : $"prefix '{prefix}' must be at most 100 letters, digits, '-', '_' or '.'";

    /// <summary>Whether <paramref name="name"/> is a valid Blob Storage container name.</summary>
    public static bool IsValidContainerName(string? name) => name is not null && ContainerName().IsMatch(name);

    private static void Check(string? problem, string parameter)
    {
        if (problem is not null)
        {
            throw new ArgumentException($"Invalid {parameter}: {problem}.", parameter);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex SafePart();

    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex ContainerName();
}
