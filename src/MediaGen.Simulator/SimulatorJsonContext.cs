using MediaGen.Simulator.Admin;

namespace MediaGen.Simulator;

/// <summary>Source-generated serializers for everything the simulator reads or writes; snake_case like the providers.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(CosmicError))]
[JsonSerializable(typeof(CosmicTextResponse))]
[JsonSerializable(typeof(CosmicImageResponse))]
[JsonSerializable(typeof(CosmicVideoResponse))]
[JsonSerializable(typeof(CosmicVideoExtendResponse))]
[JsonSerializable(typeof(CosmicAudioResponse))]
[JsonSerializable(typeof(PixazoError))]
[JsonSerializable(typeof(PixazoGatewayError))]
[JsonSerializable(typeof(PixazoSubmitResponse))]
[JsonSerializable(typeof(PixazoStatusResponse))]
[JsonSerializable(typeof(CometImageResponse))]
[JsonSerializable(typeof(CometErrorResponse))]
[JsonSerializable(typeof(FaultRule))]
[JsonSerializable(typeof(ArmedFault))]
[JsonSerializable(typeof(IReadOnlyList<ArmedFault>))]
[JsonSerializable(typeof(LedgerSnapshot))]
[JsonSerializable(typeof(ResetResponse))]
[JsonSerializable(typeof(JsonObject))]
public sealed partial class SimulatorJsonContext : JsonSerializerContext;
