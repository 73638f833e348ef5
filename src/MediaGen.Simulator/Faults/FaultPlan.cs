namespace MediaGen.Simulator.Faults;

/// <summary>What the directives that fire for one request ask the simulator to do.</summary>
internal sealed class FaultPlan
{
    private readonly List<string> _applied = [];

    /// <summary>An injected error status (4xx/5xx), answered in the provider's error shape.</summary>
    public int? StatusCode { get; private set; }

    /// <summary><c>Retry-After</c> for an injected 429, when the directive names one.</summary>
    public TimeSpan? RetryAfter { get; private set; }

    /// <summary>Answer 200 with a body that is not valid JSON.</summary>
    public bool Malformed { get; private set; }

    /// <summary>Extra delay before answering.</summary>
    public TimeSpan Delay { get; private set; }

    /// <summary>Drop the connection without an answer.</summary>
    public bool Abort { get; private set; }

    /// <summary>Pixazo final state other than COMPLETED, with its error text.</summary>
    public PixazoRequestStatus? Outcome { get; private set; }

    /// <summary>Error text for <see cref="Outcome"/>.</summary>
    public string? OutcomeMessage { get; private set; }

    /// <summary>Cosmic video: answer "No videos generated".</summary>
    public bool NoVideos { get; private set; }

    /// <summary>CometAPI: refuse with <c>content_policy_violation</c>; Cosmic video: "No videos generated".</summary>
    public bool ContentPolicy { get; private set; }

    /// <summary>Cosmic text streaming: send an error event after some text.</summary>
    public bool StreamError { get; private set; }

    /// <summary>Media of this many bytes, served by the synthetic media route.</summary>
    public long? MediaSize { get; private set; }

    /// <summary>How many times each webhook is delivered (2+ for duplicates).</summary>
    public int WebhookCopies { get; private set; } = 1;

    /// <summary>Delay added before each webhook delivery.</summary>
    public TimeSpan WebhookDelay { get; private set; }

    /// <summary>Deliver the final webhook first and a stale PROCESSING one after it.</summary>
    public bool WebhookOutOfOrder { get; private set; }

    /// <summary>Skip the webhook even though <c>X-Webhook-URL</c> was given.</summary>
    public bool NoWebhook { get; private set; }

    /// <summary>Per-request override of <see cref="SimulatorOptions.PixazoQueuedFor"/>.</summary>
    public TimeSpan? QueuedFor { get; private set; }

    /// <summary>Per-request override of <see cref="SimulatorOptions.PixazoProcessingFor"/>.</summary>
    public TimeSpan? ProcessingFor { get; private set; }

    /// <summary><c>poll-…</c> directives, applied later to status polls of the Pixazo request.</summary>
    public IReadOnlyList<FaultDirective> PollDirectives { get; private set; } = [];

    /// <summary>The directives that fired, for the request ledger.</summary>
    public IReadOnlyList<string> Applied => _applied;

    /// <summary>Builds the plan for the <paramref name="attempt"/>-th request carrying these directives.</summary>
    public static FaultPlan From(IEnumerable<FaultDirective> directives, int attempt)
    {
        var plan = new FaultPlan();
        var polls = new List<FaultDirective>();
        foreach (var directive in directives)
        {
            if (directive.Name.StartsWith("poll-", StringComparison.Ordinal))
            {
                // Poll directives count status polls, not submissions: keep them whole.
                polls.Add(directive with { Name = directive.Name[5..] });
                continue;
            }

            if (directive.Times is { } times && attempt > times)
            {
                continue;
            }

            plan.Apply(directive);
        }

        plan.PollDirectives = polls;
        return plan;
    }

    private void Apply(FaultDirective d)
    {
        _applied.Add(d.ToString());
        switch (d.Name)
        {
            case var status when FaultGrammar.IsStatusCode(status):
                StatusCode = int.Parse(status, CultureInfo.InvariantCulture);
                RetryAfter = d.Value is null ? null : TimeSpan.FromSeconds(Number(d));
                break;
            case "malformed": Malformed = true; break;
            case "abort": Abort = true; break;
            case "slow": Delay += TimeSpan.FromMilliseconds(Number(d)); break;
            case "failed": Outcome = PixazoRequestStatus.Failed; OutcomeMessage = d.Value; break;
            case "error": Outcome = PixazoRequestStatus.Error; OutcomeMessage = d.Value; break;
            case "no-videos": NoVideos = true; break;
            case "content-policy": ContentPolicy = true; break;
            case "stream-error": StreamError = true; break;
            case "size": MediaSize = Number(d); break;
            case "webhook-duplicate": WebhookCopies = (int)Math.Clamp(d.Value is null ? 2 : Number(d), 1, 100); break;
            case "webhook-delay": WebhookDelay += TimeSpan.FromMilliseconds(Number(d)); break;
            case "webhook-out-of-order": WebhookOutOfOrder = true; break;
            case "no-webhook": NoWebhook = true; break;
            case "queued": QueuedFor = TimeSpan.FromMilliseconds(Number(d)); break;
            case "processing": ProcessingFor = TimeSpan.FromMilliseconds(Number(d)); break;
            default: throw new FormatException($"Unknown simulator directive '{d}'.");
        }
    }

    private static long Number(FaultDirective d) => long.Parse(d.Value!, CultureInfo.InvariantCulture);
}
