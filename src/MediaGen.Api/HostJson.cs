using System.Text.Json.Serialization;

namespace MediaGen.Api;

/// <summary>
/// The host's one JSON configuration (HTTP bodies, poison envelopes, inbox records): the job service's pinned
/// <see cref="JobJson.Options"/> — camelCase fields, providers as <c>cosmic</c>…, nulls omitted — so HTTP, the results
/// queue and callbacks show jobs in the same shape.
/// </summary>
public static class HostJson
{
    /// <summary>The options, for code outside the HTTP pipeline.</summary>
    public static JsonSerializerOptions Options => JobJson.Options;

    /// <summary>Applies the same configuration to <paramref name="options"/> (the HTTP pipeline's own instance).</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JobJson.Options.PropertyNamingPolicy;
        options.PropertyNameCaseInsensitive = JobJson.Options.PropertyNameCaseInsensitive;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        foreach (var converter in JobJson.Options.Converters)
        {
            options.Converters.Add(converter);
        }
    }
}
