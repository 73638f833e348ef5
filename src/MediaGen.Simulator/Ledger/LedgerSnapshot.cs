namespace MediaGen.Simulator.Ledger;

/// <summary>Body of <c>GET /_simulator/requests</c>: everything the simulator counted since the last reset.</summary>
/// <param name="Total">Provider calls (status polls excluded).</param>
/// <param name="Accepted">Calls that bought a generation.</param>
/// <param name="Endpoints">Counts per endpoint.</param>
/// <param name="Requests">Every call, oldest first.</param>
/// <param name="Polls">Status polls per Pixazo request id.</param>
/// <param name="Webhooks">Webhook deliveries, oldest first.</param>
public sealed record LedgerSnapshot(
    int Total,
    int Accepted,
    IReadOnlyList<EndpointCount> Endpoints,
    IReadOnlyList<LedgerEntry> Requests,
    IReadOnlyDictionary<string, int> Polls,
    IReadOnlyList<WebhookDelivery> Webhooks)
{
    /// <summary>Calls to <paramref name="endpoint"/>, optionally only those with exactly this prompt.</summary>
    public int CountOf(string endpoint, string? prompt = null) =>
        Requests.Count(r => r.Endpoint == endpoint && (prompt is null || r.Prompt == prompt));

    /// <summary>Accepted (bought) calls to <paramref name="endpoint"/>, optionally only with this prompt.</summary>
    public int AcceptedOf(string endpoint, string? prompt = null) =>
        Requests.Count(r => r.Accepted && r.Endpoint == endpoint && (prompt is null || r.Prompt == prompt));
}
