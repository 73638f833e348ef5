using System.Text.Json.Serialization;

namespace MediaGen.Workflows;

/// <summary>
/// <see cref="ProviderName"/> in durable payloads by its member name (<c>Cosmic</c>), not its wire name (<c>cosmic</c>):
/// the form instances in flight hold in their history. Reads either, ignoring case, and numbers, as the enum converter did.
/// </summary>
internal sealed class ProviderNameMemberConverter : JsonConverter<ProviderName>
{
    public override ProviderName Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number) && Enum.IsDefined((ProviderName)number))
        {
            return (ProviderName)number;
        }

        return reader.TokenType == JsonTokenType.String && Enum.TryParse<ProviderName>(reader.GetString(), ignoreCase: true, out var value) && Enum.IsDefined(value)
            ? value
            : throw new JsonException($"Not a provider: {reader.TokenType}.");
    }

    public override void Write(Utf8JsonWriter writer, ProviderName value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
