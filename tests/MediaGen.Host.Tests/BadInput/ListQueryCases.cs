namespace MediaGen.Host.Tests.BadInput;

/// <summary>
/// Bad queries of <c>GET /api/jobs</c>, derived from the documented one (README "HTTP API"): every parameter gets every
/// bad value (raw query text, so percent-encodings that are not UTF-8 are sent as such), is repeated, and unknown
/// parameters are added.
/// </summary>
public static class ListQueryCases
{
    private const string Route = "/api/jobs";

    /// <summary>The documented query: every parameter, valid.</summary>
    private static readonly (string Name, string Value)[] Documented =
    [
        ("status", "Completed,Failed"), ("createdFrom", "2030-01-01T00:00:00Z"), ("createdTo", "2031-01-01T00:00:00Z"), ("pageSize", "20"),
        ("kind", "image,text"), ("provider", "cosmic"), ("q", "job-"), ("caller", "default"),
    ];

    /// <summary>Parameters that may be repeated (their values add up).</summary>
    private static readonly HashSet<string> Repeatable = new(StringComparer.Ordinal) { "status", "kind", "provider" };

    /// <summary>Values no parameter takes (already percent-encoded where needed).</summary>
    private static readonly string[] Universe =
    [
        "", "%20", "+", "null", "true", "0", "-1", "1.5", "1e3", "NaN", "Infinity", "-Infinity", "99999999999999999999",
        "-99999999999999999999", "%5B1%5D", "%7B%7D", "%22x%22", "x", "%FF", "%00", "%C3%28", "%ED%A0%80", "%", "%G1", "%E2%82",
        "2030-01-01", "2030-13-01T00:00:00Z", "2030-01-01T12:00:00", new string('9', 5000),
    ];

    /// <summary>Values of a parameter's own type that it must refuse.</summary>
    private static readonly Dictionary<string, string[]> BadValues = new(StringComparer.Ordinal)
    {
        ["status"] = ["Completed,Bogus", "Bogus", "Complete", "4", "-1", "%2C", ",,", "Running%00"],
        ["createdFrom"] = ["2030-01-01T00:00:00", "01/02/2030", "9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00%2B14:00", "2030-01-01T00:00:00Z%00"],
        ["createdTo"] = ["2029-01-01T00:00:00Z", "2030-01-01T00:00:00Z", "tomorrow", "2030-01-01T00:00:00+25:00"],
        ["pageSize"] = ["1001", "+5", "%205", "5%20", "0x10", "%D9%A3", "5.0", "1_000", "2147483648", "-0"],
        ["continuationToken"] = [""],
        ["kind"] = ["Image", "video_extension", "images", "%2C", "image,painting"],
        ["provider"] = ["Cosmic", "openai", "cosmic,pixazo,x", "%2C"],
        ["q"] = ["", "%00", "%0A", "a%09b", new string('q', 201)],
        ["caller"] = ["", "%20", "+", "a%20b", "x%2Fy", "caller%00", "%0A", "%FF", "%C3%A9", "%F0%9F%98%80", "a,b", "%5B1%5D", "%22x%22", new string('c', 65)],
    };

    /// <summary>Parameters whose type is text: they get only their own bad values (most of the universe is valid text for them).</summary>
    private static readonly HashSet<string> Text = new(StringComparer.Ordinal) { "q", "caller" };

    /// <summary>Every case.</summary>
    public static IEnumerable<BadInputCase> All()
    {
        foreach (var name in new[] { "status", "createdFrom", "createdTo", "pageSize", "continuationToken", "kind", "provider", "q", "caller" })
        {
            // Any text is a search: q gets only its own bad values (empty, control characters, over 200 characters); caller
            // only what is no caller name (empty, spaces, other characters, over 64 characters).
            foreach (var value in (Text.Contains(name) ? BadValues[name] : Universe.Concat(BadValues[name])).Distinct())
            {
                yield return Case($"{name}={BadInputCase.Shorten(value, 40)}", With(name, value), name == "createdTo" || name == "createdFrom" ? ["createdFrom", "createdTo"] : [name]);
            }

            if (!Repeatable.Contains(name))
            {
                var valid = Documented.FirstOrDefault(d => d.Name == name).Value ?? "token";
                yield return Case($"{name} given twice", Query([.. Documented, (name, valid), (name, valid)]), [name]);
            }
        }

        foreach (var unknown in new[] { "zz", "page_size", "statuses", "%FF", "created", "status%00" })
        {
            yield return Case($"unknown parameter {unknown}", Query([.. Documented, (unknown, "1")]), [Uri.UnescapeDataString(unknown)]);
        }
    }

    private static string With(string name, string value) =>
        Query([.. Documented.Where(d => d.Name != name), (name, value)]);

    private static string Query(IEnumerable<(string Name, string Value)> parameters) =>
        Route + "?" + string.Join("&", parameters.Select(p => $"{p.Name}={p.Value}"));

    private static BadInputCase Case(string what, string target, string[] fields) =>
        new(target, $"GET {Route} {what}", null, null, 400, fields);
}
