namespace MediaGen.Client;

/// <summary>The JSON of the MediaGen API: camelCase fields, enums by their wire names, nulls omitted.</summary>
public static class MediaGenJson
{
    /// <summary>The options the client reads and writes with.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
