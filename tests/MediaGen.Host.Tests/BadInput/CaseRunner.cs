using System.Net.Http.Headers;
using MediaGen.Core.Providers.Validation;

namespace MediaGen.Host.Tests.BadInput;

/// <summary>Sends cases over real HTTP, checks each answer, and reports every failure with the seed that reproduces it.</summary>
public static class CaseRunner
{
    /// <summary>Sends every case (a few at a time) and returns the failures, one line each.</summary>
    public static async Task<IReadOnlyList<string>> SendAsync(HttpClient client, IReadOnlyList<BadInputCase> cases, int parallelism = 4)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(cases);
        var failures = new ConcurrentBag<(int Index, string Failure)>();
        await Parallel.ForEachAsync(Enumerable.Range(0, cases.Count), new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (i, ct) =>
        {
            var c = cases[i];
            using var request = new HttpRequestMessage(c.Body is null ? HttpMethod.Get : HttpMethod.Post, new Uri(c.Target, UriKind.RelativeOrAbsolute));
            if (c.Body is not null)
            {
                request.Content = new ByteArrayContent(c.Body);
                if (c.ContentType is not null)
                {
                    request.Content.Headers.TryAddWithoutValidation("Content-Type", c.ContentType);
                }
            }

            using var response = await client.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (Check(c, (int)response.StatusCode, response.Content.Headers.ContentType, body) is { } failure)
            {
                failures.Add((i, failure));
            }
        });
        return [.. failures.OrderBy(f => f.Index).Select(f => f.Failure)];
    }

    /// <summary>Why the answer does not meet the case, or null when it does: the status, a ProblemDetails, the field named.</summary>
    public static string? Check(BadInputCase c, int status, MediaTypeHeaderValue? contentType, string body)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (status != c.Status || contentType?.MediaType != "application/problem+json")
        {
            return Describe(c, $"answered {status} {contentType?.MediaType}, expected {c.Status} application/problem+json", body);
        }

        JsonElement problem;
        try
        {
            problem = JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException)
        {
            return Describe(c, "answered a body that is not JSON", body);
        }

        if (c.Fields.Count == 0)
        {
            return null;
        }

        if (c.Status == 415)
        {
            return problem.TryGetProperty("detail", out var detail) && detail.GetString()?.Contains("application/json", StringComparison.Ordinal) == true
                ? null
                : Describe(c, "answered 415 without saying what content type is expected", body);
        }

        var named = problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array
            ? errors.EnumerateArray().Select(e => e.TryGetProperty("field", out var f) ? f.GetString() ?? "" : "").ToList()
            : [];
        return named.Any(c.Names) ? null : Describe(c, $"named [{string.Join(", ", named)}], expected one of [{string.Join(", ", c.Fields)}]", body);
    }

    /// <summary>Checks the errors an intake (queue poison envelope, inbox marker) recorded for <paramref name="c"/>.</summary>
    public static string? CheckErrors(BadInputCase c, string where, string? reason, IReadOnlyList<ValidationError>? errors)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (reason != "invalid")
        {
            return Describe(c, $"{where}: reason '{reason}', expected 'invalid'", JsonSerializer.Serialize(errors));
        }

        var named = errors?.Select(e => e.Field).ToList() ?? [];
        return named.Any(c.Names) ? null : Describe(c, $"{where}: named [{string.Join(", ", named)}], expected one of [{string.Join(", ", c.Fields)}]", "");
    }

    /// <summary>Fails with the seed, the number of cases and the first failures, each with its case.</summary>
    public static void AssertNone(IReadOnlyList<string> failures, int caseCount, string what)
    {
        ArgumentNullException.ThrowIfNull(failures);
        if (failures.Count == 0)
        {
            return;
        }

        var report = new StringBuilder()
            .AppendLine(System.Globalization.CultureInfo.InvariantCulture,
                $"{failures.Count} of {caseCount} {what} cases failed (seed {BadInputHost.Seed}; replay with MEDIAGEN_BADINPUT_SEED={BadInputHost.Seed}):");
        foreach (var failure in failures.Take(40))
        {
            report.AppendLine(failure);
        }

        if (failures.Count > 40)
        {
            report.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"… and {failures.Count - 40} more");
        }

        Assert.Fail(report.ToString());
    }

    private static string Describe(BadInputCase c, string problem, string answer) =>
        $"- {c.Description}: {problem}\n    sent {BadInputCase.Shorten(c.Target, 200)} ({c.ContentType ?? "no content type"}): {c.BodyPreview}\n    got: {BadInputCase.Shorten(answer, 300)}";
}
