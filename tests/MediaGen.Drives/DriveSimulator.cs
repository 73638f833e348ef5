using MediaGen.Simulator;
using MediaGen.Testing;

namespace MediaGen.Drives;

/// <summary>
/// The provider simulator of a drive (in the drive's process, so killing the host never touches it): 5 ms per call,
/// Cosmic videos 200 ms, Pixazo requests 300 ms QUEUED and 300 ms PROCESSING, webhooks retried 3 times 500 ms apart.
/// </summary>
public sealed class DriveSimulator : SimulatorFixture
{
    /// <inheritdoc />
    /// <remarks>Webhooks to a killed host fail by design; the ledger records them, the console need not.</remarks>
    protected override string MinimumLogLevel => "Error";

    /// <inheritdoc />
    protected override void Configure(SimulatorOptions options)
    {
        base.Configure(options);
        options.Latency = TimeSpan.FromMilliseconds(5);
        options.CosmicVideoLatency = TimeSpan.FromMilliseconds(200);
        options.PixazoQueuedFor = TimeSpan.FromMilliseconds(300);
        options.PixazoProcessingFor = TimeSpan.FromMilliseconds(300);
        options.WebhookMaxAttempts = 3;
        options.WebhookRetryDelay = TimeSpan.FromMilliseconds(500);
    }
}
