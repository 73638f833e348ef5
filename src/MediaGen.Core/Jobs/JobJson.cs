namespace MediaGen.Core.Jobs;

/// <summary>
/// The pinned JSON form of job states, results and notifications as callers see them: camelCase fields, providers as
/// <c>cosmic</c>/<c>pixazo</c>/<c>comet</c> (their wire names), kinds as <c>video-extension</c>…, statuses as <c>Completed</c>…, nulls omitted.
/// The HTTP API serializes <see cref="JobState"/> with these options too, so every surface shows the same shape.
/// </summary>
public static class JobJson
{
    /// <summary>The options (read-only).</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter<ProviderName>());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
