using System.Globalization;
using MediaGen.Workflows;
using MediaGen.Workflows.Retention;

namespace MediaGen.Api.Jobs;

/// <summary>
/// The answer for an id a read found nothing for: 410 Gone when it named a job, chain or batch of the caller that expired
/// (its retention period passed and it was purged; <see cref="JobTombstone"/>), else 404 — also for another caller's.
/// </summary>
public static class ExpiredJobs
{
    /// <summary>410 when <paramref name="id"/> expired (of <paramref name="type"/>, <c>job</c> or <c>batch</c>; any when null) and <paramref name="access"/> may see it; else 404 saying <paramref name="notFound"/>.</summary>
    public static async Task<IResult> NotFoundOrGoneAsync(
        JobReader reader, string id, JobAccess access, string? type, string notFound, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return JobStarts.IsPlausibleId(id) && await reader.GetExpiredAsync(id, access, cancellationToken).ConfigureAwait(false) is { } tombstone
            && (type is null || tombstone.Type == type)
            ? Gone(tombstone)
            : ProblemResults.NotFound(notFound);
    }

    /// <summary>The 410 of an expired job, chain or batch: names it, how and when it ended, and when it expired (<c>id</c>, <c>status</c>, <c>finishedAt</c>, <c>expiredAt</c>).</summary>
    public static IResult Gone(JobTombstone tombstone)
    {
        ArgumentNullException.ThrowIfNull(tombstone);
        var expired = tombstone.ExpiredAt.ToString("o", CultureInfo.InvariantCulture);
        var finished = tombstone.FinishedAt.ToString("o", CultureInfo.InvariantCulture);
        return Results.Problem(
            title: "Expired",
            detail: $"The {tombstone.Type} '{tombstone.Id}' expired at {expired}: it ended {tombstone.Status} at {finished}, and its record and stored media were deleted after the retention period (Retention__Days).",
            statusCode: StatusCodes.Status410Gone,
            type: "https://httpstatuses.io/410",
            extensions: new Dictionary<string, object?>
            {
                ["id"] = tombstone.Id,
                ["status"] = tombstone.Status.ToString(),
                ["finishedAt"] = tombstone.FinishedAt,
                ["expiredAt"] = tombstone.ExpiredAt,
            });
    }
}
