using System.Globalization;

namespace MediaGen.Host.Tests.BadInput;

/// <summary>The JSON types a field takes.</summary>
[Flags]
public enum Shape
{
    String = 1,
    Number = 2,
    Bool = 4,
    Array = 8,
    Object = 16,
}

/// <summary>
/// One field of a documented request body, as far as the mutations need to know it: its path (spelled as the API names
/// it in errors, e.g. <c>params.prompt</c>, <c>items[0].output.folder</c>, <c>messages[0].role</c>), the JSON types it
/// takes, whether it may be missing or <c>null</c>, and values of its own type it must refuse. A value of another type,
/// a <c>null</c> where null is not allowed, a missing required field and a repeated key are refused by definition.
/// </summary>
/// <param name="Path">The field, as errors name it.</param>
/// <param name="Shape">The JSON types it takes.</param>
/// <param name="Required">Whether leaving it out is an error.</param>
/// <param name="Nullable">Whether <c>null</c> is taken (as "not given").</param>
/// <param name="BadValues">Raw JSON values of its own type it must refuse (out of range, not in the set, too long…).</param>
/// <param name="AlsoNamed">Other fields an error about it may name instead (e.g. <c>prompt</c> for "prompt or messages").</param>
/// <param name="Strict">Whether an object field refuses members it does not know (false: free-form, or a provider's payload).</param>
public sealed record FieldSpec(
    string Path,
    Shape Shape,
    bool Required,
    bool Nullable,
    IReadOnlyList<string> BadValues,
    IReadOnlyList<string> AlsoNamed,
    bool Strict = true)
{
    /// <summary>Longest value the long-string mutations use for fields without a documented maximum.</summary>
    public const int LongLength = 5000;

    /// <summary>The same field under <paramref name="prefix"/> (e.g. <c>items[0].</c>).</summary>
    public FieldSpec Under(string prefix) => this with { Path = prefix + Path, AlsoNamed = [.. AlsoNamed.Select(a => prefix + a)] };

    /// <summary>A string from a fixed set (kind, provider, model, size…): every other string is refused.</summary>
    public static FieldSpec Enum(string path, IReadOnlyList<string> allowed, bool required = false, params string[] alsoNamed) =>
        new(path, Shape.String, required, !required,
            [.. new[] { "", " ", "x", "0", "-1", "NaN", "Infinity", "null", "\u0000", Long(300) }
                .Select(Json.String)
                .Concat(allowed.Take(1).Select(a => a.ToUpperInvariant()).Where(u => !allowed.Contains(u)).Select(Json.String))
                .Concat(allowed.Take(1).Select(a => Json.String(" " + a)))], alsoNamed);

    /// <summary>
    /// Free text: empty is refused when <paramref name="required"/> or <paramref name="nullable"/> is false, white space too
    /// unless <paramref name="blankAllowed"/>, and anything over <paramref name="max"/> characters.
    /// </summary>
    public static FieldSpec Text(string path, bool required = false, int? max = null, bool nullable = true, bool blankAllowed = false, params string[] alsoNamed)
    {
        var mustHaveText = required || !nullable;
        var bad = (mustHaveText ? blankAllowed ? new[] { "" } : ["", "   ", "\t\n"] : []).Concat(max is { } m ? [Long(m + 1)] : []);
        return new(path, Shape.String, required, nullable && !required, [.. bad.Select(Json.String)], alsoNamed);
    }

    /// <summary>Optional text that must not be blank when given.</summary>
    public static FieldSpec NotBlank(string path, bool nullable = true) =>
        new(path, Shape.String, false, nullable, [.. new[] { "", "  " }.Select(Json.String)], []);

    /// <summary>An absolute http(s) URL; <paramref name="guarded"/>: also refused when it points at a private or link-local address.</summary>
    public static FieldSpec Url(string path, bool required = false, bool guarded = true) =>
        new(path, Shape.String, required, !required,
            [.. new[] { "", "x", "NaN", "/relative/path", "ftp://example.com/a.png", "file:///etc/passwd", "javascript:alert(1)", "http://", Long(300) }
                .Concat(guarded ? ["http://169.254.169.254/latest/meta-data", "http://10.0.0.1/a.png"] : [])
                .Select(Json.String)], []);

    /// <summary>A string matching a pattern; <paramref name="bad"/> lists strings that do not.</summary>
    public static FieldSpec Pattern(string path, params string[] bad) =>
        new(path, Shape.String, false, true, [.. bad.Select(Json.String)], []);

    /// <summary>An integer between <paramref name="min"/> and <paramref name="max"/> (an <c>int</c>, or a <c>long</c> when <paramref name="isLong"/>).</summary>
    public static FieldSpec Integer(string path, long min, long max, bool isLong = false, bool required = false) =>
        new(path, Shape.Number, required, !required, [.. NumberCandidates(min, max).Where(raw => !FitsInteger(raw, min, max, isLong))], []);

    /// <summary>An integer from a fixed set.</summary>
    public static FieldSpec IntegerOneOf(string path, params long[] allowed) =>
        new(path, Shape.Number, false, true, [.. NumberCandidates(allowed.Min(), allowed.Max()).Append("5").Where(raw =>
            !(long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) && allowed.Contains(v)))], []);

    /// <summary>A number between <paramref name="min"/> and <paramref name="max"/>.</summary>
    public static FieldSpec Number(string path, double min, double max) =>
        new(path, Shape.Number, false, true, [.. NumberCandidates(min, max).Where(raw =>
            !double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v) || v < min || v > max)], []);

    /// <summary>true or false.</summary>
    public static FieldSpec Bool(string path) => new(path, Shape.Bool, false, true, [], []);

    /// <summary>
    /// An array of typed items (every array of the API is): arrays holding null, a number, true, an array or deep nesting
    /// are refused, and so is every array in <paramref name="bad"/> (raw JSON).
    /// </summary>
    public static FieldSpec Array(string path, bool required = false, params string[] bad) =>
        new(path, Shape.Array, required, !required, [.. new[] { "[null]", "[1]", "[true]", "[[]]", Json.NestedArrays(20) }.Concat(bad)], []);

    /// <summary>
    /// An object; <paramref name="bad"/> lists objects it refuses (raw JSON). A strict object also refuses a member it
    /// does not know, however deeply nested its value.
    /// </summary>
    public static FieldSpec Object(string path, bool required = false, bool strict = true, params string[] bad) =>
        new(path, Shape.Object, required, !required, [.. bad.Concat(strict ? ["""{"zz_unknown":1}""", Json.NestedObjects(20)] : [])], [], strict);

    /// <summary>A string of <paramref name="length"/> characters (a mix, so it is no valid name of anything).</summary>
    public static string Long(int length) => string.Create(length, 0, (span, _) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = "long-value:é "[i % 13];
        }
    });

    private static IEnumerable<string> NumberCandidates(double min, double max) =>
        new[]
        {
            "0", "-1", "1.5", "-0.5", "1e30", "-1e30", "1e400", "-1e400", "99999999999999999999", "-99999999999999999999",
            "2147483648", "-2147483649", "9223372036854775808",
        }.Concat(new[] { min - 1, max + 1 }.Where(d => Math.Abs(d) < 1e15).Select(d => d.ToString("R", CultureInfo.InvariantCulture)))
         .Distinct();

    private static bool FitsInteger(string raw, long min, long max, bool isLong)
    {
        if (!long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        return (isLong || value is >= int.MinValue and <= int.MaxValue) && value >= min && value <= max;
    }
}
