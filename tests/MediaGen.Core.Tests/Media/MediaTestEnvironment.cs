using MediaGen.Launcher;
using Microsoft.Extensions.Logging.Abstractions;

namespace MediaGen.Core.Tests.Media;

/// <summary>One Azurite and one loopback source shared by the media tests (collection <see cref="Name"/>).</summary>
public sealed class MediaTestEnvironment : IAsyncLifetime
{
    public const string Name = "media";

    private AzuriteInstance? _azurite;
    private LoopbackSource? _source;

    public AzuriteInstance Azurite => _azurite ?? throw new InvalidOperationException("Not started.");

    public LoopbackSource Source => _source ?? throw new InvalidOperationException("Not started.");

    public BlobServiceClient Blobs => new(Azurite.ConnectionString);

    /// <summary>
    /// A store on this Azurite writing to a fresh container. Loopback 127.0.0.1 is allowed explicitly (as for the
    /// local simulator) unless <paramref name="configure"/> says otherwise; 127.0.0.2 is not.
    /// </summary>
    public MediaStore CreateStore(out string container, Action<MediaStoreOptions>? configure = null)
    {
        container = "media-" + Guid.NewGuid().ToString("N")[..12];
        var options = new MediaStoreOptions { DefaultContainer = container, AllowedNetworks = "127.0.0.1/32" };
        configure?.Invoke(options);
        return new MediaStore(Blobs, OutboundUrlGuard.FromOptions(options), Options.Create(options), NullLogger<MediaStore>.Instance);
    }

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteInstance.StartAsync();
        _source = await LoopbackSource.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_source is not null)
        {
            await _source.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
