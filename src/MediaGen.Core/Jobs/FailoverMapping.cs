namespace MediaGen.Core.Jobs;

/// <summary>
/// Maps an image job's parameters onto another provider for automatic failover: the prompt is kept, and the shape
/// follows the aspect ratio, which each provider's image kind reads from its own params and writes in its own terms
/// (<see cref="ProviderKind.AspectRatioOf"/>, <see cref="ProviderKind.WriteAspectRatio"/>): Cosmic <c>aspect_ratio</c>
/// (or a square <c>size</c>), Pixazo <c>image_size</c> presets (or custom dimensions), CometAPI <c>size</c>. Nothing else
/// is carried over (models, counts and options are each provider's own; their defaults apply).
/// </summary>
public static class FailoverMapping
{
    /// <summary>The params of <paramref name="primary"/> (an image job) for <paramref name="target"/>.</summary>
    public static JsonElement MapImage(JobRequest primary, ProviderName target)
    {
        ArgumentNullException.ThrowIfNull(primary);
        var source = primary.Params;
        var isObject = source.ValueKind == JsonValueKind.Object;
        var ratio = isObject ? ProviderRegistry.Get(primary.Provider, JobKind.Image).AspectRatioOf(source) : null;
        var mapped = new JsonObject { ["prompt"] = isObject ? StringParam(source, "prompt") : null };
        ProviderRegistry.Get(target, JobKind.Image).WriteAspectRatio(mapped, ratio);
        return JsonSerializer.SerializeToElement(mapped);
    }

    /// <summary>A string member of params (an object), or null when absent or not a string.</summary>
    public static string? StringParam(JsonElement parameters, string name) =>
        parameters.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The aspect ratio (<c>1:1</c>, <c>16:9</c>, <c>9:16</c>, <c>4:3</c>, <c>3:4</c>) of a <c>WIDTHxHEIGHT</c> size, or null.</summary>
    public static string? RatioOfSize(string size)
    {
        ArgumentNullException.ThrowIfNull(size);
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
