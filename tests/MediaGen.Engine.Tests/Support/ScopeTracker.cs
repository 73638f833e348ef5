using System.Collections.Concurrent;

namespace MediaGen.Engine.Tests.Support;

/// <summary>Records which <see cref="ScopedDependency"/> instances were created and disposed (a singleton).</summary>
public sealed class ScopeTracker
{
    /// <summary>Ids of dependencies created.</summary>
    public ConcurrentBag<Guid> Created { get; } = [];

    /// <summary>Ids of dependencies disposed.</summary>
    public ConcurrentBag<Guid> Disposed { get; } = [];

    /// <summary>How often each named activity started, by test key.</summary>
    public ConcurrentDictionary<string, int> Runs { get; } = new();
}
