using MediaGen.Workflows.Retention;

namespace MediaGen.Api.Jobs;

/// <summary>
/// The answer for an id a read found nothing for: 410 Gone when it named a job, chain or batch of the caller that expired
/// (its retention period passed and it was purged; <see cref="JobTombstone"/>), else 404 — also for another caller's.
/// </summary>
public static class ExpiredJobs
{
    /// <summary>A finished job as <c>GET /api/jobs/{id}</c> answers it, with its <c>expiresAt</c> (the OpenAPI document's example).</summary>
    public const string JobExample =
        """{"id":"o1f3a09c2b7de-job-4b1d","kind":"image","provider":"cosmic","status":"Completed","progress":{"phase":"done"},"createdAt":"2026-12-07T18:00:00+00:00","updatedAt":"2026-12-07T18:00:09+00:00","result":{"items":[{"blobUri":"https://account.blob.core.windows.net/media/o1f3a09c2b7de-job-4b1d/0.png","contentType":"image/png","size":48213,"sha256":"9f2c4e1a7b3d5f600c8e5a2f9d4b1e379f2c4e1a7b3d5f600c8e5a2f9d4b1e37"}]},"caller":"default","expiresAt":"2027-01-06T18:00:09+00:00"}""";

    /// <summary>
    /// The 410 of an expired job (the OpenAPI document's example: its standard members only, as the document's ProblemDetails
    /// schema allows no others; the answer also carries <c>id</c>, <c>jobStatus</c>, <c>finishedAt</c> and <c>expiredAt</c>).
    /// </summary>
    public const string GoneExample =
        """{"type":"https://httpstatuses.io/410","title":"Expired","status":410,"detail":"The job 'o1f3a09c2b7de-job-4b1d' expired at 2027-01-06T18:17:00.0000000+00:00: it ended Completed at 2026-12-07T18:00:09.0000000+00:00, and its record and stored media were deleted after the retention period (Retention__Days)."}""";

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

    /// <summary>The 410 of an expired job, chain or batch: names it, how and when it ended, and when it expired (<c>id</c>, <c>jobStatus</c>, <c>finishedAt</c>, <c>expiredAt</c>).</summary>
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
                ["jobStatus"] = tombstone.Status.ToString(),
                ["finishedAt"] = tombstone.FinishedAt,
                ["expiredAt"] = tombstone.ExpiredAt,
            });
    }
}
