namespace MediaGen.Host.Tests.BadInput;

/// <summary>
/// Derives bad requests from documented valid bodies: every field gets every value of every JSON type it does not take,
/// <c>null</c>, the values of its own type it must refuse (huge and negative numbers, NaN-like and over-long strings,
/// values outside its set), deep nesting, text that is not JSON, and is left out (when required) and repeated; every body
/// is also truncated, broken with invalid UTF-8, sent empty or under another content type. Random choices (truncation
/// points, byte positions, lengths) come from the caller's seeded <see cref="Random"/>, so a run is reproducible.
/// </summary>
public static class BadInputCases
{
    /// <summary>Content types that are not JSON: each must be refused with 415 before the body is read.</summary>
    public static IReadOnlyList<string> NotJsonContentTypes { get; } =
    [
        "text/plain", "text/plain; charset=utf-8", "application/xml", "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x", "application/octet-stream", "application/jsonp", "application/json-seq", "*/*",
        "json", "garbage;;;", "application/", "image/png",
    ];

    /// <summary>Every value type of JSON, a few of each, and text that is no JSON at all.</summary>
    private static readonly (string Raw, Kind Kind)[] Universe =
    [
        ("null", Kind.Null),
        ("true", Kind.Bool), ("false", Kind.Bool),
        ("0", Kind.Number), ("-1", Kind.Number), ("1.5", Kind.Number), ("1e400", Kind.Number), ("-1e400", Kind.Number),
        ("99999999999999999999", Kind.Number), ("-99999999999999999999", Kind.Number),
        ("\"\"", Kind.String), ("\"x\"", Kind.String), ("\"NaN\"", Kind.String), ("\"Infinity\"", Kind.String), ("\"-1\"", Kind.String),
        ("\"true\"", Kind.String), ("\"null\"", Kind.String), ("\"\\u0000\"", Kind.String), (Json.String(FieldSpec.Long(FieldSpec.LongLength)), Kind.String),
        ("[]", Kind.Array), ("[null]", Kind.Array), ("[1]", Kind.Array), ("[\"x\"]", Kind.Array), ("[[]]", Kind.Array), (Json.NestedArrays(10), Kind.Array),
        ("{}", Kind.Object), ("{\"zz_unknown\":1}", Kind.Object), (Json.NestedObjects(10), Kind.Object),
        ("\"\\ud800\"", Kind.BadUnicode), ("\"a\\udc00b\"", Kind.BadUnicode), ("\"\\ud800\\ud800\"", Kind.BadUnicode),
        ("NaN", Kind.NotJson), ("Infinity", Kind.NotJson), ("-Infinity", Kind.NotJson), ("undefined", Kind.NotJson), ("'x'", Kind.NotJson),
        ("01", Kind.NotJson), ("+1", Kind.NotJson), (".5", Kind.NotJson), ("1.", Kind.NotJson), ("0x10", Kind.NotJson), ("1e", Kind.NotJson),
        ("tru", Kind.NotJson), ("nul", Kind.NotJson), ("\"\\x\"", Kind.NotJson), ("\"abc", Kind.NotJson), ("\"a\tb\"", Kind.NotJson),
        ("[1,]", Kind.NotJson), ("{\"a\":1,}", Kind.NotJson), ("{'a':1}", Kind.NotJson), ("{a:1}", Kind.NotJson),
        ("/*c*/1", Kind.NotJson), (Json.NestedArrays(100), Kind.NotJson), (Json.NestedObjects(100), Kind.NotJson),
    ];

    private enum Kind
    {
        Null,
        Bool,
        Number,
        String,
        Array,
        Object,
        BadUnicode,
        NotJson,
    }

    /// <summary>Every field mutation of <paramref name="body"/>, then the body-level ones.</summary>
    /// <param name="body">The documented valid body.</param>
    /// <param name="random">The seeded source of every random choice.</param>
    /// <param name="target">Where the cases go (default: the body's route).</param>
    /// <param name="contentType">The content type of each case (default: application/json).</param>
    /// <param name="checksContentType">Whether the route refuses non-JSON content types (415).</param>
    /// <param name="maxBodyBytes">The route's body cap (a bigger body is refused as a whole).</param>
    public static IEnumerable<BadInputCase> For(
        DocumentedBody body, Random random, string? target = null, Func<string?>? contentType = null, bool checksContentType = true, int maxBodyBytes = BadInputHost.MaxBodyBytes)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(random);
        target ??= body.Route;
        contentType ??= () => "application/json";
        var node = body.Node;
        var name = $"{body.Route} [{body.Name}]";
        BadInputCase Case(string what, byte[] bytes, params string[] fields) =>
            new(target, $"{name} {what}", bytes, contentType(), 400, fields);

        foreach (var field in body.Fields)
        {
            string[] named = [field.Path, .. field.AlsoNamed];
            var values = Universe.Concat(field.BadValues.Select(raw => (Raw: raw, Kind: KindOf(raw))));
            foreach (var (raw, kind) in values.DistinctBy(v => v.Raw))
            {
                var fields = Expected(field, raw, kind, named);
                if (fields is not null)
                {
                    yield return Case($"{field.Path} := {BadInputCase.Shorten(raw, 60)}", Json.With(node, field.Path, raw), fields);
                }
            }

            if (Json.HasMember(node, field.Path))
            {
                if (field.Required)
                {
                    yield return Case($"{field.Path} left out", Json.Without(node, field.Path), named);
                }

                yield return Case($"{field.Path} given twice", Json.WithDuplicate(node, field.Path), [field.Path]);
                yield return Case($"{field.Path} := invalid UTF-8", Json.With(node, field.Path, InvalidUtf8String(random)), [.. named, "$"]);
            }
        }

        if (body.StrictRoot)
        {
            foreach (var unknown in new[] { "zz_unknown", "Kind", "kind ", "\u0000", "params2", "\u00e9t\u00e9" })
            {
                yield return Case($"unknown member {Json.String(unknown)}", Json.With(node, unknown, "1"), unknown);
            }
        }

        foreach (var (what, bytes, anywhere) in BodyLevel(body, random))
        {
            yield return Case(what, bytes, anywhere ? "*" : "$");
        }

        // Over the cap, the body as a whole is refused: 413 naming it.
        var padded = Encoding.UTF8.GetBytes(body.Json).Concat(Enumerable.Repeat((byte)' ', maxBodyBytes)).ToArray();
        yield return new(target, $"{name} body over the size cap (padding)", padded, contentType(), 413, ["$"]);
        yield return new(target, $"{name} body over the size cap (one long string)",
            Json.With(node, body.Fields[0].Path, Json.String(new string('a', maxBodyBytes + 1))), contentType(), 413, ["$"]);

        if (checksContentType)
        {
            var valid = Encoding.UTF8.GetBytes(body.Json);
            foreach (var type in NotJsonContentTypes)
            {
                yield return new BadInputCase(target, $"{name} sent as '{type}'", valid, type, 415, ["Content-Type"]);
            }
        }
    }

    /// <summary>Mutations of the whole body: empty, not an object, truncated, invalid UTF-8, not JSON, too deep.</summary>
    private static IEnumerable<(string What, byte[] Bytes, bool Anywhere)> BodyLevel(DocumentedBody body, Random random)
    {
        var valid = Encoding.UTF8.GetBytes(body.Json);
        foreach (var text in new[] { "", " ", "\r\n\t", "null", "true", "0", "-1e400", "\"{}\"", "[]", "[{}]", $"[{body.Json}]", "{", "}", "{}}", "{}{}", "{} x" })
        {
            yield return ($"body {BadInputCase.Shorten(Json.String(text), 40)}", Encoding.UTF8.GetBytes(text), false);
        }

        yield return ("body followed by more JSON", [.. valid, .. valid], false);
        yield return ("body followed by a comment", [.. valid, .. "/* c */"u8], false);
        yield return ("body with a trailing comma", [.. valid.AsSpan(0, valid.Length - 1), .. ",}"u8], false);
        yield return ("body nested 1000 arrays deep", Encoding.UTF8.GetBytes(Json.NestedArrays(1000)), false);
        yield return ("body nested 100 objects deep", Encoding.UTF8.GetBytes(Json.NestedObjects(100)), false);
        yield return ("body in UTF-16", Encoding.Unicode.GetBytes(body.Json), false);
        for (var i = 0; i < 8; i++)
        {
            var length = random.Next(1, valid.Length - 1);
            yield return ($"body truncated to {length} of {valid.Length} bytes", valid[..length], false);
        }

        for (var i = 0; i < 6; i++)
        {
            var at = random.Next(0, valid.Length);
            var bad = InvalidUtf8Sequences[random.Next(InvalidUtf8Sequences.Length)];
            // Inside a string the string is named, elsewhere the body.
            yield return ($"invalid UTF-8 {Convert.ToHexString(bad)} at byte {at}", [.. valid.AsSpan(0, at), .. bad, .. valid.AsSpan(at)], true);
        }
    }

    private static readonly byte[][] InvalidUtf8Sequences =
    [
        [0xFF], [0xFE, 0xFF], [0xC3, 0x28], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xE2, 0x82],
    ];

    /// <summary>A JSON string holding a random invalid UTF-8 sequence between ordinary characters.</summary>
    private static byte[] InvalidUtf8String(Random random) =>
        [.. "\"ab"u8, .. InvalidUtf8Sequences[random.Next(InvalidUtf8Sequences.Length)], .. "cd\""u8];

    /// <summary>The fields an error must name for <paramref name="raw"/> at <paramref name="field"/>, or null when the value is valid there.</summary>
    private static string[]? Expected(FieldSpec field, string raw, Kind kind, string[] named) => kind switch
    {
        Kind.NotJson => ["$"],
        Kind.BadUnicode => [.. named, "$"],
        Kind.Null => field.Nullable ? null : named,
        _ when field.BadValues.Contains(raw) => named,
        _ when field.Shape.HasFlag(ShapeOf(kind)) => null,
        _ => named,
    };

    private static Shape ShapeOf(Kind kind) => kind switch
    {
        Kind.Bool => Shape.Bool,
        Kind.Number => Shape.Number,
        Kind.String => Shape.String,
        Kind.Array => Shape.Array,
        Kind.Object => Shape.Object,
        _ => 0,
    };

    private static Kind KindOf(string raw) => JsonNode.Parse(raw) switch
    {
        null => Kind.Null,
        JsonArray => Kind.Array,
        JsonObject => Kind.Object,
        var value => value.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.String => Kind.String,
            System.Text.Json.JsonValueKind.Number => Kind.Number,
            _ => Kind.Bool,
        },
    };
}
