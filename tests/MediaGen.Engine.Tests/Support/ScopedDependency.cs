namespace MediaGen.Engine.Tests.Support;

/// <summary>A scoped service that reports its creation and disposal to <see cref="ScopeTracker"/>.</summary>
public sealed class ScopedDependency : IDisposable
{
    private readonly ScopeTracker _tracker;

    /// <summary>Creates the dependency and records it.</summary>
    public ScopedDependency(ScopeTracker tracker)
    {
        _tracker = tracker;
        tracker.Created.Add(Id);
    }

    /// <summary>This instance's id.</summary>
    public Guid Id { get; } = Guid.NewGuid();

    /// <inheritdoc />
    public void Dispose() => _tracker.Disposed.Add(Id);
}
