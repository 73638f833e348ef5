namespace MediaGen.Client;

/// <summary>The AI providers MediaGen calls.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProviderName>))]
public enum ProviderName
{
    /// <summary><c>cosmic</c>: Cosmic AI.</summary>
    [JsonStringEnumMemberName("cosmic")]
    Cosmic,

    /// <summary><c>pixazo</c>: Pixazo's NVIDIA Cosmos 3 Super.</summary>
    [JsonStringEnumMemberName("pixazo")]
    Pixazo,

    /// <summary><c>comet</c>: CometAPI.</summary>
    [JsonStringEnumMemberName("comet")]
    Comet,
}
