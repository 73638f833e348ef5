using System.Text.Json;

namespace MediaGen.StandInHost.Configuration;

/// <summary>
/// An app's <c>host.json</c> as configuration, flattened under the root the Functions host loads it into
/// (<see cref="FunctionsHostConfiguration.JobHostSection"/>): <c>extensions.durableTask.hubName</c> becomes
/// <c>AzureFunctionsJobHost:extensions:durableTask:hubName</c>, where the WebJobs SDK's extension options read it.
/// </summary>
public static class HostJsonFile
{
    /// <summary>Reads and flattens <paramref name="path"/>; a missing file, bad JSON or a version other than 2.0 is an error naming the file.</summary>
    public static IReadOnlyDictionary<string, string?> Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new StandInHostException($"host.json was not found at '{path}'.");
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new StandInHostException($"'{path}' is not valid JSON: {e.Message}", e);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new StandInHostException($"'{path}' must hold a JSON object.");
        }

        if (!root.TryGetProperty("version", out var version) || version.GetString() != "2.0")
        {
            throw new StandInHostException($"'{path}' must say \"version\": \"2.0\" (the Functions host v4 schema).");
        }

        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        Flatten(root, FunctionsHostConfiguration.JobHostSection, values);
        return values;
    }

    private static void Flatten(JsonElement element, string prefix, Dictionary<string, string?> values)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(property.Value, ConfigurationPath.Combine(prefix, property.Name), values);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, ConfigurationPath.Combine(prefix, index.ToString(CultureInfo.InvariantCulture)), values);
                    index++;
                }

                break;
            case JsonValueKind.String:
                values[prefix] = element.GetString();
                break;
            case JsonValueKind.Null:
                values[prefix] = null;
                break;
            default:
                values[prefix] = element.GetRawText();
                break;
        }
    }
}
