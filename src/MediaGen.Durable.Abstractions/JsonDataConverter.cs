using System.Text.Json;
using System.Text.Json.Serialization;

namespace MediaGen.Durable;

/// <summary>
/// How inputs, outputs, event payloads and custom status are serialized. The options are pinned:
/// changing them would break instances already in flight, whose history holds the old form.
/// </summary>
public static class JsonDataConverter
{
    /// <summary>The pinned serializer options (web defaults, enums as strings).</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Serializes a value; null stays null.</summary>
    public static string? Serialize(object? value) =>
        value is null ? null : JsonSerializer.Serialize(value, value.GetType(), Options);

    /// <summary>Deserializes a value; null or empty text gives the default.</summary>
    public static T? Deserialize<T>(string? data) =>
        string.IsNullOrEmpty(data) ? default : JsonSerializer.Deserialize<T>(data, Options);

    /// <summary>Deserializes a value of a type known at run time; null or empty text gives null.</summary>
    public static object? Deserialize(string? data, Type type) =>
        string.IsNullOrEmpty(data) ? null : JsonSerializer.Deserialize(data, type, Options);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
