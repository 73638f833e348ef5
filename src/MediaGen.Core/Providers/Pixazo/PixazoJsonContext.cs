namespace MediaGen.Core.Providers.Pixazo;

/// <summary>Pixazo's wire format: snake_case, nulls omitted, strict reading (missing or mistyped fields are errors).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(PixazoTextToImageRequest))]
[JsonSerializable(typeof(PixazoImageToVideoRequest))]
[JsonSerializable(typeof(PixazoRequestStatus))]
internal sealed partial class PixazoJsonContext : JsonSerializerContext;
