using System.Text.Json;

namespace MediaGen.StandInHost.Configuration;

/// <summary>
/// A <c>local.settings.json</c> as Core Tools reads it: its <c>Values</c> become the app settings (environment variables of
/// the host and the worker). <c>IsEncrypted: true</c> files are refused (Core Tools decrypts them with a machine key this
/// host does not have); <c>ConnectionStrings</c> become <c>ConnectionStrings:&lt;name&gt;</c> settings.
/// </summary>
public sealed record LocalSettings(IReadOnlyDictionary<string, string> Values, IReadOnlyDictionary<string, string> ConnectionStrings)
{
    /// <summary>Reads <paramref name="path"/>; a missing file, bad JSON or an encrypted file is an error naming the file.</summary>
    public static LocalSettings Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new StandInHostException($"The settings file '{path}' does not exist.");
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
            var root = document.RootElement;
            if (root.TryGetProperty("IsEncrypted", out var encrypted) && encrypted.ValueKind == JsonValueKind.True)
            {
                throw new StandInHostException($"The settings file '{path}' is encrypted (IsEncrypted: true); decrypt it with 'func settings decrypt' or give the values in clear.");
            }

            return new LocalSettings(Strings(root, "Values", path), Strings(root, "ConnectionStrings", path));
        }
        catch (JsonException e)
        {
            throw new StandInHostException($"The settings file '{path}' is not valid JSON: {e.Message}", e);
        }
    }

    private static Dictionary<string, string> Strings(JsonElement root, string section, string path)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!root.TryGetProperty(section, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return values;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new StandInHostException($"'{section}' in '{path}' must be an object of strings.");
        }

        foreach (var property in element.EnumerateObject())
        {
            values[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString()!,
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                JsonValueKind.Null => "",
                _ => throw new StandInHostException($"'{section}.{property.Name}' in '{path}' must be a string."),
            };
        }

        return values;
    }
}
