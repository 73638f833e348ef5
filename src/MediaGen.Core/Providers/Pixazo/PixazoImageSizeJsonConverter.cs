namespace MediaGen.Core.Providers.Pixazo;

/// <summary>Reads and writes <see cref="PixazoImageSize"/> as a string preset or a <c>{width, height}</c> object.</summary>
internal sealed class PixazoImageSizeJsonConverter : JsonConverter<PixazoImageSize>
{
    public override PixazoImageSize? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return new PixazoImageSize(reader.GetString());
            case JsonTokenType.StartObject:
                int? width = null, height = null;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.GetString();
                    reader.Read();
                    switch (name)
                    {
                        case "width":
                            width = reader.TokenType == JsonTokenType.Null ? null : reader.GetInt32();
                            break;
                        case "height":
                            height = reader.TokenType == JsonTokenType.Null ? null : reader.GetInt32();
                            break;
                        default:
                            reader.Skip();
                            break;
                    }
                }

                return new PixazoImageSize(null, width, height);
            default:
                throw new JsonException("image_size must be a preset name or an object with width and height.");
        }
    }

    public override void Write(Utf8JsonWriter writer, PixazoImageSize value, JsonSerializerOptions options)
    {
        if (value.Preset is not null)
        {
            writer.WriteStringValue(value.Preset);
            return;
        }

        writer.WriteStartObject();
        if (value.Width is { } width)
        {
            writer.WriteNumber("width", width);
        }

        if (value.Height is { } height)
        {
            writer.WriteNumber("height", height);
        }

        writer.WriteEndObject();
    }
}
