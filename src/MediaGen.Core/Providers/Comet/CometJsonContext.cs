namespace MediaGen.Core.Providers.Comet;

/// <summary>CometAPI's wire format: snake_case, nulls omitted, strict reading.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(CometImageRequest))]
[JsonSerializable(typeof(CometImagesWireResponse))]
internal sealed partial class CometJsonContext : JsonSerializerContext;
