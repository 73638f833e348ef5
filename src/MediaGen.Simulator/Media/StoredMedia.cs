namespace MediaGen.Simulator.Media;

/// <summary>A media file the simulator generated and serves at <c>/media/{Id}/{Name}</c>.</summary>
/// <param name="Id">24 hex characters, like Cosmic media ids.</param>
/// <param name="Name">File name in the URL.</param>
/// <param name="Format">File format.</param>
/// <param name="Bytes">The content (small; large media use the synthetic route instead).</param>
/// <param name="IsVeoVideo">True for Cosmic videos, which can be extended.</param>
public sealed record StoredMedia(string Id, string Name, MediaFormat Format, ReadOnlyMemory<byte> Bytes, bool IsVeoVideo);
