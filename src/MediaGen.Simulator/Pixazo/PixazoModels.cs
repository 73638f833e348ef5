namespace MediaGen.Simulator.Pixazo;

/// <summary>The Pixazo models the simulator serves and their documented parameter rules.</summary>
internal static class PixazoModels
{
    public const string TextToImage = "cosmos-3-super-text-to-image";
    public const string ImageToVideo = "cosmos-3-super-image-to-video";

    public static readonly string[] ImageSizePresets =
        ["square_hd", "square", "portrait_4_3", "portrait_16_9", "landscape_4_3", "landscape_16_9"];

    public static readonly string[] OutputFormats = ["jpeg", "png"];

    /// <summary>Path of a model's generate request, e.g. <c>/cosmos-3-super-text-to-image/v1/cosmos-3-super-text-to-image-request</c>.</summary>
    public static string SubmitPath(string model) => $"/{model}/v1/{model}-request";
}
