using System.Text.Json;
using System.Text.Json.Nodes;
using MediaGen.Core.Providers;

namespace MediaGen.Core.Jobs;

/// <summary>
/// Maps an image job's parameters onto another provider for automatic failover: the prompt is kept, and the shape
/// follows the aspect ratio — Cosmic <c>aspect_ratio</c> (or a square <c>size</c>), Pixazo <c>image_size</c> presets
/// (or custom dimensions) and CometAPI <c>size</c>: 1:1 ↔ <c>square_hd</c> ↔ <c>1024x1024</c>; 16:9 ↔
/// <c>landscape_16_9</c> ↔ <c>1792x1024</c>; 9:16 ↔ <c>portrait_16_9</c> ↔ <c>1024x1792</c>; 4:3 ↔
/// <c>landscape_4_3</c>; 3:4 ↔ <c>portrait_4_3</c> (CometAPI has no 4:3 size: square). Nothing else is carried over
/// (models, counts and options are each provider's own; their defaults apply).
/// </summary>
public static class FailoverMapping
{
    private static readonly (string Ratio, string Pixazo, string Comet)[] Shapes =
    [
        ("1:1", "square_hd", "1024x1024"),
        ("16:9", "landscape_16_9", "1792x1024"),
        ("9:16", "portrait_16_9", "1024x1792"),
        ("4:3", "landscape_4_3", "1024x1024"),
        ("3:4", "portrait_4_3", "1024x1024"),
    ];

    /// <summary>The params of <paramref name="primary"/> (an image job) for <paramref name="target"/>.</summary>
    public static JsonElement MapImage(JobRequest primary, ProviderName target)
    {
        ArgumentNullException.ThrowIfNull(primary);
        var source = primary.Params;
        var prompt = source.ValueKind == JsonValueKind.Object && source.TryGetProperty("prompt", out var p) && p.ValueKind == JsonValueKind.String
            ? p.GetString()
            : null;
        var ratio = RatioOf(primary.Provider, source);
        var shape = Shapes.FirstOrDefault(s => s.Ratio == ratio);
        var mapped = new JsonObject { ["prompt"] = prompt };
        switch (target)
        {
            case ProviderName.Cosmic when ratio is not null && ratio != "1:1":
                mapped["aspect_ratio"] = ratio;
                break;
            case ProviderName.Pixazo when shape.Pixazo is not null:
                mapped["image_size"] = shape.Pixazo;
                break;
            case ProviderName.Comet when shape.Comet is not null:
                mapped["size"] = shape.Comet;
                break;
        }

        return JsonSerializer.SerializeToElement(mapped);
    }

    /// <summary>The aspect ratio an image job asks for, when it says.</summary>
    private static string? RatioOf(ProviderName provider, JsonElement source)
    {
        if (source.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string? Text(string name) => source.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return provider switch
        {
            ProviderName.Cosmic => Text("aspect_ratio") ?? (Text("size") is { } size ? RatioOfSize(size) : null),
            ProviderName.Pixazo => Text("image_size") is { } preset
                ? Shapes.FirstOrDefault(s => s.Pixazo == preset).Ratio ?? (preset == "square" ? "1:1" : null)
                : source.TryGetProperty("image_size", out var custom) && custom.ValueKind == JsonValueKind.Object
                    && custom.TryGetProperty("width", out var w) && custom.TryGetProperty("height", out var h)
                    && w.TryGetInt32(out var width) && h.TryGetInt32(out var height)
                    ? RatioOfSize($"{width}x{height}")
                    : null,
            _ => Text("size") is { } cometSize ? RatioOfSize(cometSize) : null,
        };
    }

    private static string? RatioOfSize(string size)
    {
        var parts = size.Split('x');
        if (parts.Length != 2 || !int.TryParse(parts[0], out var width) || !int.TryParse(parts[1], out var height) || width <= 0 || height <= 0)
        {
            return null;
        }

        var ratio = (double)width / height;
        return Math.Abs(ratio - 1) < 0.05 ? "1:1"
            : Math.Abs(ratio - (16.0 / 9)) < 0.1 ? "16:9"
            : Math.Abs(ratio - (9.0 / 16)) < 0.05 ? "9:16"
            : Math.Abs(ratio - (4.0 / 3)) < 0.05 ? "4:3"
            : Math.Abs(ratio - 0.75) < 0.05 ? "3:4"
            : null;
    }
}
