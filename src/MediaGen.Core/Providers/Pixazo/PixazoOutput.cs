namespace MediaGen.Core.Providers.Pixazo;

/// <summary>The result of a completed Pixazo request.</summary>
/// <param name="MediaUrl">URLs of the generated media (R2 CDN), or data URIs in sync mode.</param>
/// <param name="MediaType">MIME type of the media, e.g. <c>image/jpeg</c> or <c>video/mp4</c>.</param>
public sealed record PixazoOutput(IReadOnlyList<string> MediaUrl, string? MediaType = null);
