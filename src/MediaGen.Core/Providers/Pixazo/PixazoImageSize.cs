namespace MediaGen.Core.Providers.Pixazo;

/// <summary>Pixazo's <c>image_size</c>: a preset name (a JSON string) or custom dimensions (<c>{"width", "height"}</c>).</summary>
/// <param name="Preset">One of <see cref="PixazoCatalog.ImageSizePresets"/>, or null for custom dimensions.</param>
/// <param name="Width">Custom width in pixels.</param>
/// <param name="Height">Custom height in pixels.</param>
[JsonConverter(typeof(PixazoImageSizeJsonConverter))]
public sealed record PixazoImageSize(string? Preset, int? Width = null, int? Height = null)
{
    /// <summary>A preset such as <c>square_hd</c> or <c>landscape_16_9</c>.</summary>
    public static PixazoImageSize FromPreset(string preset) => new(preset);

    /// <summary>Custom dimensions.</summary>
    public static PixazoImageSize Custom(int width, int height) => new(null, width, height);
}
