namespace MediaGen.Core.Providers.Comet;

/// <summary>
/// One generated image: a temporary <see cref="Url"/>, or — for <c>b64_json</c> — the decoded bytes in <see cref="Content"/>,
/// spooled to a temp file while the response was read, so large images never sit in memory. Owned by its <see cref="CometImageResult"/>.
/// </summary>
public sealed class CometGeneratedImage
{
    internal CometGeneratedImage(string? url, Stream? content, string? revisedPrompt)
    {
        Url = url;
        Content = content;
        RevisedPrompt = revisedPrompt;
    }

    /// <summary>Temporary download URL, for <c>url</c> responses.</summary>
    public string? Url { get; }

    /// <summary>
    /// The decoded image bytes (readable, seekable, at position 0), for <c>b64_json</c> responses; deleted when the
    /// <see cref="CometImageResult"/> is disposed.
    /// </summary>
    public Stream? Content { get; }

    /// <summary>Length of <see cref="Content"/> in bytes.</summary>
    public long? ContentLength => Content?.Length;

    /// <summary>The prompt as the model rewrote it, when it did.</summary>
    public string? RevisedPrompt { get; }
}
