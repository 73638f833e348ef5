using System.Text.RegularExpressions;

namespace MediaGen.Host.Tests.BadInput;

/// <summary>
/// Writes a documented body with one field changed, at the byte level: the new value is spliced in as raw bytes, so it
/// may be anything — another type, a number no parser takes, invalid JSON, invalid UTF-8 — and a key may be repeated.
/// </summary>
public static partial class Json
{
    private const string Placeholder = "__mutation_placeholder_7f3a9c__";

    private static readonly byte[] QuotedPlaceholder = Encoding.UTF8.GetBytes($"\"{Placeholder}\"");

    /// <summary>A JSON string literal.</summary>
    public static string String(string value) => JsonSerializer.Serialize(value);

    /// <summary><c>[[[…]]]</c>, <paramref name="depth"/> arrays deep.</summary>
    public static string NestedArrays(int depth) => new string('[', depth) + new string(']', depth);

    /// <summary><c>{"a":{"a":…{}}}</c>, <paramref name="depth"/> objects deep.</summary>
    public static string NestedObjects(int depth) => string.Concat(Enumerable.Repeat("{\"a\":", depth - 1)) + "{}" + new string('}', depth - 1);

    /// <summary>The body with the value at <paramref name="path"/> replaced by (or, when missing, set to) <paramref name="raw"/>.</summary>
    public static byte[] With(JsonNode body, string path, ReadOnlySpan<byte> raw)
    {
        var copy = body.DeepClone();
        var (parent, last) = Parent(copy, path, create: true);
        Assign(parent, last, JsonValue.Create(Placeholder));
        return Splice(copy, raw);
    }

    /// <summary>The body with the value at <paramref name="path"/> replaced by <paramref name="raw"/> JSON text.</summary>
    public static byte[] With(JsonNode body, string path, string raw) => With(body, path, Encoding.UTF8.GetBytes(raw));

    /// <summary>The body without the member at <paramref name="path"/>.</summary>
    public static byte[] Without(JsonNode body, string path)
    {
        var copy = body.DeepClone();
        var (parent, last) = Parent(copy, path, create: false);
        if (parent is not JsonObject obj || last is not string name || !obj.Remove(name))
        {
            throw new InvalidOperationException($"No member {path} to remove.");
        }

        return JsonSerializer.SerializeToUtf8Bytes(copy);
    }

    /// <summary>The body with the member at <paramref name="path"/> written twice, with the same value.</summary>
    public static byte[] WithDuplicate(JsonNode body, string path)
    {
        var (parent, last) = Parent(body, path, create: false);
        if (parent is not JsonObject obj || last is not string name || !obj.TryGetPropertyValue(name, out var value))
        {
            throw new InvalidOperationException($"No member {path} to repeat.");
        }

        var raw = value?.ToJsonString() ?? "null";
        return With(body, path, $"{raw},{String(name)}:{raw}");
    }

    /// <summary>Whether <paramref name="path"/> names a member of an object (not an array item) that <paramref name="body"/> holds.</summary>
    public static bool HasMember(JsonNode body, string path)
    {
        try
        {
            var (parent, last) = Parent(body, path, create: false);
            return parent is JsonObject obj && last is string name && obj.ContainsKey(name);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static byte[] Splice(JsonNode node, ReadOnlySpan<byte> raw)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(node);
        var at = bytes.AsSpan().IndexOf(QuotedPlaceholder);
        return [.. bytes.AsSpan(0, at), .. raw, .. bytes.AsSpan(at + QuotedPlaceholder.Length)];
    }

    private static void Assign(JsonNode parent, object last, JsonNode value)
    {
        switch (parent, last)
        {
            case (JsonObject obj, string name):
                obj[name] = value;
                break;
            case (JsonArray array, int index) when index < array.Count:
                array[index] = value;
                break;
            default:
                throw new InvalidOperationException($"Cannot set {last} in {parent.ToJsonString()}.");
        }
    }

    /// <summary>The node holding the last segment of <paramref name="path"/>, and that segment (a name or an index).</summary>
    private static (JsonNode Parent, object Last) Parent(JsonNode root, string path, bool create)
    {
        var segments = Segments(path);
        var node = root;
        for (var i = 0; i < segments.Count - 1; i++)
        {
            var segment = segments[i];
            var next = (node, segment) switch
            {
                (JsonObject obj, string name) => obj[name],
                (JsonArray array, int index) when index < array.Count => array[index],
                _ => throw new InvalidOperationException($"{path}: no {segment}."),
            };
            if (next is null)
            {
                if (!create || node is not JsonObject holder || segment is not string missing || segments[i + 1] is not string)
                {
                    throw new InvalidOperationException($"{path}: no {segment}.");
                }

                next = holder[missing] = new JsonObject();
            }

            node = next;
        }

        return (node, segments[^1]);
    }

    private static List<object> Segments(string path) =>
        [.. SegmentPattern().Matches(path).Select(m => m.Groups[2].Success ? (object)int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : m.Groups[1].Value)];

    [GeneratedRegex(@"([^.\[\]]+)|\[(\d+)\]")]
    private static partial Regex SegmentPattern();
}
