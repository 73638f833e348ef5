namespace MediaGen.StandInHost.Worker;

/// <summary>Hands an inner host's loggers to the stand-in host's logger factory, behind the inner host's own filters.</summary>
internal sealed class ForwardingLoggerProvider(ILoggerFactory target) : ILoggerProvider
{
    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => target.CreateLogger(categoryName);

    /// <inheritdoc />
    public void Dispose()
    {
        // The target belongs to the stand-in host.
    }
}
