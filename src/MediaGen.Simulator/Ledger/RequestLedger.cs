namespace MediaGen.Simulator.Ledger;

/// <summary>
/// Counts provider calls, Pixazo status polls and webhook deliveries so tests can prove that
/// nothing was bought twice. Thread-safe.
/// </summary>
public sealed class RequestLedger
{
    private readonly Lock _gate = new();
    private readonly List<LedgerEntry> _requests = [];
    private readonly Dictionary<string, int> _attempts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _polls = new(StringComparer.Ordinal);
    private readonly List<WebhookDelivery> _webhooks = [];
    private long _sequence;

    /// <summary>
    /// Reserves the next attempt number for this endpoint and prompt. Directives written
    /// <c>NAME*N</c> fire only for attempts 1..N, which is how "fail twice, then succeed" works
    /// without the client's cooperation.
    /// </summary>
    public int BeginAttempt(string endpoint, string? prompt)
    {
        var key = endpoint + "\n" + prompt;
        lock (_gate)
        {
            _attempts[key] = _attempts.GetValueOrDefault(key) + 1;
            return _attempts[key];
        }
    }

    /// <summary>Records a finished call; the sequence number is assigned here.</summary>
    public void Record(LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            _requests.Add(entry with { Sequence = ++_sequence });
        }
    }

    /// <summary>Counts a status poll and returns its 1-based number for this request id.</summary>
    public int RecordPoll(string requestId)
    {
        lock (_gate)
        {
            _polls[requestId] = _polls.GetValueOrDefault(requestId) + 1;
            return _polls[requestId];
        }
    }

    /// <summary>Records a webhook delivery attempt.</summary>
    public void RecordWebhook(WebhookDelivery delivery)
    {
        lock (_gate)
        {
            _webhooks.Add(delivery);
        }
    }

    /// <summary>A consistent copy of everything counted.</summary>
    public LedgerSnapshot Snapshot()
    {
        lock (_gate)
        {
            var endpoints = _requests
                .GroupBy(r => r.Endpoint, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new EndpointCount(g.Key, g.Count(), g.Count(r => r.Accepted)))
                .ToList();
            return new LedgerSnapshot(
                _requests.Count,
                _requests.Count(r => r.Accepted),
                endpoints,
                [.. _requests],
                new Dictionary<string, int>(_polls, StringComparer.Ordinal),
                [.. _webhooks]);
        }
    }

    /// <summary>Forgets everything counted, including attempt numbers.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _requests.Clear();
            _attempts.Clear();
            _polls.Clear();
            _webhooks.Clear();
            _sequence = 0;
        }
    }
}
