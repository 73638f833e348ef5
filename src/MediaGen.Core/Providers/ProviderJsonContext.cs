namespace MediaGen.Core.Providers;

/// <summary>Serializer metadata of the provider-neutral types (error types, validation errors).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ProviderErrorType))]
[JsonSerializable(typeof(IReadOnlyList<ValidationError>))]
internal sealed partial class ProviderJsonContext : JsonSerializerContext;
