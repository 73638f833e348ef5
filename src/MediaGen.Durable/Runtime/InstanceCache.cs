namespace MediaGen.Durable.Runtime;

/// <summary>
/// States of the instances of one owned partition, with their ETags. An entry is taken out while an
/// episode runs (the episode mutates it) and put back only once stored, so a failed episode never
/// leaves a half-changed state behind.
/// </summary>
internal sealed class InstanceCache(int capacity)
{
    private readonly Dictionary<string, (InstanceState State, string ETag)> _entries = new(StringComparer.Ordinal);

    public bool TryTake(string instanceId, out InstanceState? state, out string? etag)
    {
        lock (_entries)
        {
            if (_entries.Remove(instanceId, out var entry))
            {
                (state, etag) = entry;
                return true;
            }
        }

        (state, etag) = (null, null);
        return false;
    }

    public void Put(string instanceId, InstanceState state, string etag)
    {
        lock (_entries)
        {
            if (_entries.Count >= capacity)
            {
                // Crude but bounded: forget a quarter; those instances are simply loaded again.
                foreach (var key in _entries.Keys.Take(Math.Max(1, capacity / 4)).ToList())
                {
                    _entries.Remove(key);
                }
            }

            _entries[instanceId] = (state, etag);
        }
    }
}
