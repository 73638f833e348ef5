using System.Text.Json;
using System.Text.Json.Serialization;
using MediaGen.Durable.History;

namespace MediaGen.Durable.Runtime;

/// <summary>Source-generated, pinned serialization of the runtime's own stored and queued types.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(QueueEnvelope))]
[JsonSerializable(typeof(InstanceState))]
[JsonSerializable(typeof(List<HistoryEvent>))]
internal sealed partial class DurableJsonContext : JsonSerializerContext;
