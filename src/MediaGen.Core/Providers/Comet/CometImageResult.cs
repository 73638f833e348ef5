namespace MediaGen.Core.Providers.Comet;

/// <summary>The images of one generation. Dispose it to release (delete) the spooled <c>b64_json</c> content.</summary>
public sealed class CometImageResult : IAsyncDisposable, IDisposable
{
    internal CometImageResult(DateTimeOffset created, IReadOnlyList<CometGeneratedImage> data)
    {
        Created = created;
        Data = data;
    }

    /// <summary>When the generation completed (the response's Unix <c>created</c> timestamp).</summary>
    public DateTimeOffset Created { get; }

    /// <summary>The images, in the provider's order.</summary>
    public IReadOnlyList<CometGeneratedImage> Data { get; }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var image in Data)
        {
            if (image.Content is { } content)
            {
                await content.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var image in Data)
        {
            image.Content?.Dispose();
        }
    }
}
