using System.Net;

namespace MediaGen.Client;

/// <summary>The service refused a request: its status and ProblemDetails (title, detail, and the fields named by <c>errors</c>).</summary>
public sealed class MediaGenApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MediaGenApiException(HttpStatusCode statusCode, string? title, string? detail, JsonElement? problem)
        : base($"MediaGen answered {(int)statusCode} {title}: {detail}".TrimEnd(' ', ':'))
    {
        StatusCode = statusCode;
        Title = title;
        Detail = detail;
        Problem = problem;
    }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The problem's title.</summary>
    public string? Title { get; }

    /// <summary>The problem's detail.</summary>
    public string? Detail { get; }

    /// <summary>The whole ProblemDetails body (with <c>errors</c> for a 400), when the answer had one.</summary>
    public JsonElement? Problem { get; }

    /// <summary>For a 400: each invalid field with its rule and message (<c>errors[]</c>).</summary>
    public IReadOnlyList<(string Field, string Rule, string Message)> Errors =>
        Problem is { ValueKind: JsonValueKind.Object } problem && problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array
            ? [.. errors.EnumerateArray().Select(e => (Text(e, "field"), Text(e, "rule"), Text(e, "message")))]
            : [];

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}
