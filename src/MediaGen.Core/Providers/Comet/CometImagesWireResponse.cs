namespace MediaGen.Core.Providers.Comet;

/// <summary>The response JSON after <see cref="CometResponseSpooler"/> replaced each <c>b64_json</c> value with a spool reference.</summary>
internal sealed record CometImagesWireResponse(long Created, IReadOnlyList<CometImageWireItem> Data);
