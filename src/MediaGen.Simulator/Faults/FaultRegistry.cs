namespace MediaGen.Simulator.Faults;

/// <summary>
/// Faults armed through the admin API or the options, consumed by matching requests. Thread-safe:
/// concurrent requests never consume one use twice.
/// </summary>
public sealed class FaultRegistry
{
    private readonly Lock _gate = new();
    private readonly List<Entry> _entries = [];
    private readonly IOptionsMonitor<SimulatorOptions> _options;
    private int _nextId;

    /// <summary>Creates the registry, armed with <see cref="SimulatorOptions.Faults"/>.</summary>
    public FaultRegistry(IOptionsMonitor<SimulatorOptions> options)
    {
        _options = options;
        ArmRunFaults();
    }

    /// <summary>Arms a rule after validating it.</summary>
    /// <exception cref="FormatException">Unknown provider, endpoint or directive, or a negative count.</exception>
    public ArmedFault Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var directives = Validate(rule);
        lock (_gate)
        {
            var entry = new Entry($"fault-{++_nextId}", rule, directives, rule.Count == 0 ? null : rule.Count);
            _entries.Add(entry);
            return entry.Snapshot();
        }
    }

    /// <summary>The armed rules with their remaining uses.</summary>
    public IReadOnlyList<ArmedFault> List()
    {
        lock (_gate)
        {
            return [.. _entries.Select(e => e.Snapshot())];
        }
    }

    /// <summary>Disarms every rule, or only the one with <paramref name="id"/>. Returns how many were removed.</summary>
    public int Clear(string? id = null)
    {
        lock (_gate)
        {
            return _entries.RemoveAll(e => id is null || e.Id == id);
        }
    }

    /// <summary>Disarms every rule and re-arms the per-run ones from the options.</summary>
    public void Reset()
    {
        Clear();
        ArmRunFaults();
    }

    /// <summary>Consumes one use of every rule matching this request and returns their directives.</summary>
    public IReadOnlyList<FaultDirective> Take(string endpoint, string? prompt, string? requestId)
    {
        var provider = SimulatorEndpoints.ProviderOf(endpoint);
        var result = new List<FaultDirective>();
        lock (_gate)
        {
            foreach (var entry in _entries.Where(e => e.Matches(provider, endpoint, prompt, requestId)).ToList())
            {
                result.AddRange(entry.Directives);
                if (entry.Remaining is { } left)
                {
                    entry.Remaining = left - 1;
                    if (left - 1 <= 0)
                    {
                        _entries.Remove(entry);
                    }
                }
            }
        }

        return result;
    }

    private void ArmRunFaults()
    {
        foreach (var rule in _options.CurrentValue.Faults)
        {
            Add(rule);
        }
    }

    private static IReadOnlyList<FaultDirective> Validate(FaultRule rule)
    {
        if (rule.Provider is not null && !Enum.TryParse<SimulatedProvider>(rule.Provider, ignoreCase: true, out _))
        {
            throw new FormatException($"Unknown provider '{rule.Provider}'; use cosmic, pixazo or comet.");
        }

        if (rule.Endpoint is not null && !SimulatorEndpoints.All.Contains(rule.Endpoint))
        {
            throw new FormatException($"Unknown endpoint '{rule.Endpoint}'; use one of {string.Join(", ", SimulatorEndpoints.All)}.");
        }

        if (rule.Count < 0)
        {
            throw new FormatException("count must be 0 (until cleared) or positive.");
        }

        var directives = FaultGrammar.ParseList(rule.Fault);
        return directives.Count == 0 ? throw new FormatException("fault is required, e.g. \"429\" or \"slow=2000\".") : directives;
    }

    private sealed class Entry(string id, FaultRule rule, IReadOnlyList<FaultDirective> directives, int? remaining)
    {
        public string Id { get; } = id;

        public IReadOnlyList<FaultDirective> Directives { get; } = directives;

        public int? Remaining { get; set; } = remaining;

        public bool Matches(SimulatedProvider provider, string endpoint, string? prompt, string? requestId) =>
            (rule.Provider is null || string.Equals(rule.Provider, provider.ToString(), StringComparison.OrdinalIgnoreCase))
            && (rule.Endpoint is null || rule.Endpoint == endpoint)
            && (rule.PromptContains is null || (prompt?.Contains(rule.PromptContains, StringComparison.Ordinal) ?? false))
            && (rule.RequestId is null || rule.RequestId == requestId);

        public ArmedFault Snapshot() => new(Id, rule, Remaining);
    }
}
