namespace MediaGen.Simulator;

/// <summary>
/// Behaviour of the provider simulator. Bound from the <c>Simulator</c> configuration section
/// (command line: <c>--Simulator:PixazoQueuedFor=00:00:00</c>) and then from code.
/// These are the simulator's own knobs, not MediaGen settings.
/// </summary>
public sealed class SimulatorOptions
{
    /// <summary>Cosmic bucket write keys accepted as <c>Authorization: Bearer</c>. Default: empty, any non-empty key is accepted.</summary>
    public IList<string> CosmicWriteKeys { get; set; } = [];

    /// <summary>Pixazo keys accepted in <c>Ocp-Apim-Subscription-Key</c>. Default: empty, any non-empty key is accepted.</summary>
    public IList<string> PixazoKeys { get; set; } = [];

    /// <summary>CometAPI keys accepted as <c>Authorization: Bearer</c>. Default: empty, any non-empty key is accepted.</summary>
    public IList<string> CometKeys { get; set; } = [];

    /// <summary>Delay added to every provider call before it answers. Default: 10 ms.</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// Extra delay for Cosmic video generation and extension. The real calls take 30–180 s; the
    /// simulator stays fast unless asked otherwise. Default: 100 ms.
    /// </summary>
    public TimeSpan CosmicVideoLatency { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Pause between server-sent events of a streamed Cosmic text response. Default: 5 ms.</summary>
    public TimeSpan StreamChunkDelay { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>How long a Pixazo request reports <c>QUEUED</c>. Zero skips the state. Default: 1 s.</summary>
    public TimeSpan PixazoQueuedFor { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a Pixazo request reports <c>PROCESSING</c>. Zero skips the state. Default: 1 s.</summary>
    public TimeSpan PixazoProcessingFor { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// When true, a Pixazo webhook is also posted when a request enters <c>PROCESSING</c>, not only
    /// at its final state. Default: false (one callback with the final status).
    /// </summary>
    public bool PixazoWebhookOnEveryStatus { get; set; }

    /// <summary>Attempts per webhook callback when the receiver fails or answers non-2xx. Default: 3.</summary>
    public int WebhookMaxAttempts { get; set; } = 3;

    /// <summary>Pause between webhook attempts. Default: 500 ms.</summary>
    public TimeSpan WebhookRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Timeout of one webhook POST. Default: 10 s.</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary><c>Retry-After</c> sent with an injected 429 that names no delay. Default: 1 s.</summary>
    public TimeSpan DefaultRetryAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Base address written into media URLs and Pixazo polling URLs. Default: null, the scheme and
    /// host of the request being answered (so URLs work from wherever the caller reached us).
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>
    /// When true, Cosmic video extension answers 404 for a <c>media_id</c> the simulator never
    /// generated. Default: false, unknown ids are treated as earlier Veo videos so the
    /// documentation's own examples (which use made-up ids) succeed.
    /// </summary>
    public bool RequireKnownMediaForExtend { get; set; }

    /// <summary>
    /// When true, the placeholder request ids of the Pixazo document
    /// (<c>cosmos-3-super-…_019dxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx</c>) answer a COMPLETED request, so
    /// the document's status cURL examples succeed as written. Default: true.
    /// </summary>
    public bool AnswerDocumentationExamples { get; set; } = true;

    /// <summary>Faults active for the whole run (re-armed on reset). Default: none.</summary>
    public IList<FaultRule> Faults { get; set; } = [];
}
