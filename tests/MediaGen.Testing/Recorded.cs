using System.Collections.ObjectModel;

namespace MediaGen.Testing;

/// <summary>A collection the in-memory exporters add to from their threads while the test reads snapshots.</summary>
public sealed class Recorded<T> : Collection<T>
{
    private readonly Lock _lock = new();

    public IReadOnlyList<T> Snapshot()
    {
        lock (_lock)
        {
            return [.. Items];
        }
    }

    protected override void InsertItem(int index, T item)
    {
        lock (_lock)
        {
            base.InsertItem(index, item);
        }
    }

    protected override void ClearItems()
    {
        lock (_lock)
        {
            base.ClearItems();
        }
    }
}
