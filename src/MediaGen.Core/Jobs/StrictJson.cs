namespace MediaGen.Core.Jobs;

/// <summary>
/// Parses request JSON (HTTP bodies, queue messages, job-spec blobs, webhooks) and refuses what every reader would
/// otherwise have to guard against itself: malformed JSON or nesting deeper than <see cref="MaxDepth"/>, a member given
/// twice in one object (the parser would silently keep one), and a string that is not valid Unicode text (invalid UTF-8,
/// or a lone surrogate escape such as <c>"\ud800"</c>, which <see cref="JsonElement.GetString"/> cannot read). Each
/// problem names its field as the API does: <c>kind</c>, <c>params.prompt</c>, <c>items[0].output.folder</c>.
/// </summary>
/// <remarks>
/// Duplicate members are refused by the parser itself (<see cref="JsonDocumentOptions.AllowDuplicateProperties"/>).
/// Its <see cref="JsonException"/> names neither the member nor its path, so when it refuses a document that parses
/// with duplicates allowed, this class walks that document to name every duplicate (and every other problem)
/// by its path. Lone surrogates are not a parser error at all, so that check is always this class's own walk.
/// </remarks>
public static class StrictJson
{
    /// <summary>Deepest nesting of a request (objects and arrays).</summary>
    public const int MaxDepth = 32;

    /// <summary>Parses <paramref name="utf8Json"/> and checks it; the caller disposes the document.</summary>
    /// <exception cref="RequestValidationException">The JSON is malformed (field <c>$</c>), or has duplicate members or
    /// text that is not valid Unicode: every such problem is listed, each by its path.</exception>
    public static JsonDocument Parse(ReadOnlyMemory<byte> utf8Json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, Strict);
        }
        catch (JsonException strict)
        {
            throw new RequestValidationException(DuplicatesOrMalformed(utf8Json, strict));
        }

        var problems = Problems(document.RootElement, findDuplicates: false);
        if (problems.Count > 0)
        {
            document.Dispose();
            throw new RequestValidationException(problems);
        }

        return document;
    }

    private static readonly JsonDocumentOptions Strict = new() { MaxDepth = MaxDepth, AllowDuplicateProperties = false };
    private static readonly JsonDocumentOptions Lenient = new() { MaxDepth = MaxDepth };

    // The strict parse refused the document: if it parses with duplicates allowed, the refusal was a duplicate member,
    // and the walk names each one (with any other problem); otherwise the JSON itself is malformed.
    private static IReadOnlyList<ValidationError> DuplicatesOrMalformed(ReadOnlyMemory<byte> utf8Json, JsonException strict)
    {
        try
        {
            using var lenient = JsonDocument.Parse(utf8Json, Lenient);
            var problems = Problems(lenient.RootElement, findDuplicates: true);
            if (problems.Count > 0)
            {
                return problems;
            }
        }
        catch (JsonException)
        {
            // Malformed either way: report the strict parser's position below.
        }

        return [new ValidationError("$", "json", $"is not valid JSON (line {strict.LineNumber + 1}, byte {strict.BytePositionInLine + 1})")];
    }

    // Strings and member names that are not valid Unicode text anywhere in root, and (when the strict parser refused
    // the document) the members given twice.
    private static List<ValidationError> Problems(JsonElement root, bool findDuplicates)
    {
        var problems = new List<ValidationError>();
        Check(root, "", findDuplicates, problems);
        return problems;
    }

    private static void Check(JsonElement element, string path, bool findDuplicates, List<ValidationError> problems)
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
                    Check(item, $"{path}[{index++}]", findDuplicates, problems);
                }

                break;
            case JsonValueKind.Object:
                var seen = findDuplicates ? new HashSet<string>(StringComparer.Ordinal) : null;
                foreach (var property in element.EnumerateObject())
                {
                    if (!IsName(property))
                    {
                        problems.Add(new ValidationError(FieldOf(path), "encoding", "has a member name that is not valid Unicode text"));
                        continue;
                    }

                    var member = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                    if (seen is not null && !seen.Add(property.Name))
                    {
                        problems.Add(new ValidationError(member, "duplicate", "is given more than once"));
                        continue;
                    }

                    Check(property.Value, member, findDuplicates, problems);
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
