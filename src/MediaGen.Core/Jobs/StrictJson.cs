using System.Text.Json;
using MediaGen.Core.Providers.Validation;

namespace MediaGen.Core.Jobs;

/// <summary>
/// Parses request JSON (HTTP bodies, queue messages, job-spec blobs, webhooks) and refuses what every reader would
/// otherwise have to guard against itself: malformed JSON or nesting deeper than <see cref="MaxDepth"/>, a member given
/// twice in one object (the parser would silently keep one), and a string that is not valid Unicode text (invalid UTF-8,
/// or a lone surrogate escape such as <c>"\ud800"</c>, which <see cref="JsonElement.GetString"/> cannot read). Each
/// problem names its field as the API does: <c>kind</c>, <c>params.prompt</c>, <c>items[0].output.folder</c>.
/// </summary>
public static class StrictJson
{
    /// <summary>Deepest nesting of a request (objects and arrays).</summary>
    public const int MaxDepth = 32;

    /// <summary>Parses <paramref name="utf8Json"/> and checks it (<see cref="Problems"/>); the caller disposes the document.</summary>
    /// <exception cref="RequestValidationException">The JSON is malformed (field <c>$</c>), or has the problems <see cref="Problems"/> lists.</exception>
    public static JsonDocument Parse(ReadOnlyMemory<byte> utf8Json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException ex)
        {
            throw new RequestValidationException([new ValidationError("$", "json",
                $"is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})")]);
        }

        var problems = Problems(document.RootElement);
        if (problems.Count > 0)
        {
            document.Dispose();
            throw new RequestValidationException(problems);
        }

        return document;
    }

    /// <summary>Members given twice and strings that are not valid Unicode text, anywhere in <paramref name="root"/>.</summary>
    public static IReadOnlyList<ValidationError> Problems(JsonElement root)
    {
        var problems = new List<ValidationError>();
        Check(root, "", problems);
        return problems;
    }

    private static void Check(JsonElement element, string path, List<ValidationError> problems)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String when !IsText(element):
                problems.Add(new ValidationError(FieldOf(path), "encoding", "is not valid Unicode text (invalid UTF-8 or a lone surrogate escape)"));
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Check(item, $"{path}[{index++}]", problems);
                }

                break;
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    if (!IsName(property))
                    {
                        problems.Add(new ValidationError(FieldOf(path), "encoding", "has a member name that is not valid Unicode text"));
                        continue;
                    }

                    var member = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                    if (!seen.Add(property.Name))
                    {
                        problems.Add(new ValidationError(member, "duplicate", "is given more than once"));
                        continue;
                    }

                    Check(property.Value, member, problems);
                }

                break;
        }
    }

    private static string FieldOf(string path) => path.Length == 0 ? "$" : path;

    // GetString is the only way to learn whether a string transcodes; it reports failure by throwing.
    private static bool IsText(JsonElement element)
    {
        try
        {
            _ = element.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool IsName(JsonProperty property)
    {
        try
        {
            _ = property.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
