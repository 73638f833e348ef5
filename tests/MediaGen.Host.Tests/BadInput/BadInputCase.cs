namespace MediaGen.Host.Tests.BadInput;

/// <summary>One bad request and what it must be answered with.</summary>
/// <param name="Target">The route and query it goes to (e.g. <c>/api/jobs</c>, <c>/api/jobs?pageSize=0</c>).</param>
/// <param name="Description">What was changed, for the failure report.</param>
/// <param name="Body">The body bytes; null for a GET.</param>
/// <param name="ContentType">The Content-Type header as sent (unvalidated); null sends none.</param>
/// <param name="Status">The status it must answer.</param>
/// <param name="Fields">
/// The fields of which the ProblemDetails' errors must name one (itself or a member or item of it); <c>$</c> is the body,
/// <c>*</c> any field; none for an answer that names no field (401).
/// </param>
public sealed record BadInputCase(string Target, string Description, byte[]? Body, string? ContentType, int Status, IReadOnlyList<string> Fields)
{
    /// <summary>The body as it is sent, shortened for a report (invalid UTF-8 shows as U+FFFD).</summary>
    public string BodyPreview => Body is null ? "(none)" : Shorten(Encoding.UTF8.GetString(Body), 400);

    /// <summary>Whether an error naming <paramref name="field"/> is about one of <see cref="Fields"/> (<c>*</c>: any field, where the case cannot know which).</summary>
    public bool Names(string field) => Fields.Any(f => f == "*" || field == f
        || f != "$" && (field.StartsWith(f + ".", StringComparison.Ordinal) || field.StartsWith(f + "[", StringComparison.Ordinal)));

    /// <summary><paramref name="text"/> cut to <paramref name="max"/> characters, with the length when cut.</summary>
    public static string Shorten(string text, int max) => text.Length <= max ? text : $"{text[..max]}… ({text.Length} chars)";
}
