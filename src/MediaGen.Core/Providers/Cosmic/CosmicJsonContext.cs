namespace MediaGen.Core.Providers.Cosmic;

/// <summary>
/// Cosmic's wire format: snake_case, nulls omitted, and strict reading — a missing required field or a null where
/// the model has none is a <see cref="System.Text.Json.JsonException"/>, which the client reports as a malformed response.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(CosmicTextRequest))]
[JsonSerializable(typeof(CosmicStreamingTextRequest))]
[JsonSerializable(typeof(CosmicImageRequest))]
[JsonSerializable(typeof(CosmicVideoRequest))]
[JsonSerializable(typeof(CosmicVideoExtensionRequest))]
[JsonSerializable(typeof(CosmicAudioRequest))]
[JsonSerializable(typeof(CosmicTextResponse))]
[JsonSerializable(typeof(CosmicImageResponse))]
[JsonSerializable(typeof(CosmicVideoResponse))]
[JsonSerializable(typeof(CosmicVideoExtensionResponse))]
[JsonSerializable(typeof(CosmicAudioResponse))]
[JsonSerializable(typeof(CosmicUsage))]
[JsonSerializable(typeof(string))]
internal sealed partial class CosmicJsonContext : JsonSerializerContext;
