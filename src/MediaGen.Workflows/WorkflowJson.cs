using System.Text.Json.Serialization;
using Microsoft.DurableTask.Converters;

namespace MediaGen.Workflows;

/// <summary>
/// The one JSON form of durable payloads (orchestration inputs and outputs, activity inputs and results, event payloads,
/// custom status): web defaults (camelCase, case-insensitive reading), every enum as its JSON name, providers as their
/// member names (<see cref="ProviderNameMemberConverter"/>). Registered in DI by
/// <see cref="WorkflowServiceCollectionExtensions.AddMediaGenWorkflows"/> as the <see cref="DataConverter"/> the
/// standalone engine and the job service use, and given to the Functions worker as its serializer, so both hosts read
/// what either wrote. Pinned: changing it would break instances in flight, whose history holds the old form.
/// </summary>
public static class WorkflowJson
{
    /// <summary>The options (read-only).</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>A data converter over <see cref="Options"/>.</summary>
    public static DataConverter CreateDataConverter() => new JsonDataConverter(Options);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.Converters.Add(new ProviderNameMemberConverter());
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
