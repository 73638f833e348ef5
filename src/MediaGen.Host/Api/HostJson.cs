using System.Text.Json;
using System.Text.Json.Serialization;

namespace MediaGen.Host.Api;

/// <summary>The host's one JSON configuration (HTTP bodies, poison envelopes, inbox records): camelCase, enums as strings, nulls omitted.</summary>
public static class HostJson
{
    /// <summary>Options configured by <see cref="Configure"/>, for code outside the HTTP pipeline.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Applies the configuration to <paramref name="options"/> (the HTTP pipeline's own instance).</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
