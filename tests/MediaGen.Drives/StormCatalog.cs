using MediaGen.Simulator;

namespace MediaGen.Drives;

/// <summary>
/// The job types of the fault storm and the faults each can get, with the outcome MediaGen's error taxonomy and retry
/// rules (docs/providers.md, docs/workflows.md) prescribe under the storm's host settings (<see cref="HostSettings"/>):
/// the provider client retries 429/408/503 always and 500/timeouts/broken connections only on cheap calls (3 retries);
/// the orchestration retries retryable failures (4 attempts), paid calls that may have bought something (Cosmic video,
/// Pixazo submit) only on failures proving nothing was bought; malformed answers are never retried; Pixazo ERROR is
/// resubmitted up to 3 submissions, FAILED never.
/// </summary>
public static class StormCatalog
{
    /// <summary>
    /// The host settings the expectations assume: attempt timeouts of 3 s (the <c>timeout</c> faults answer after 8 s),
    /// short client and orchestration backoffs, so a run takes minutes, not hours. The retry counts stay the defaults.
    /// </summary>
    public static IReadOnlyDictionary<string, string> HostSettings { get; } = new Dictionary<string, string>
    {
        ["Cosmic__Timeout"] = "00:00:03",
        ["Cosmic__VideoTimeout"] = "00:00:03",
        ["Pixazo__Timeout"] = "00:00:03",
        ["Comet__Timeout"] = "00:00:03",
        ["ProviderResilience__BaseDelay"] = "00:00:00.200",
        ["ProviderResilience__MaxDelay"] = "00:00:01",
        ["Workflows__ProviderRetryInterval"] = "00:00:01",
        ["Workflows__ProviderMaxRetryInterval"] = "00:00:04",
    };

    private const string SlowerThanTimeout = "slow=8000";

    private static readonly StormFault[] CheapFaults =
    [
        new("429x2", "429=1*2", "Completed", null, 1, 1),
        new("429-always", "429=1", "Failed", "rate_limited", 0, 0),
        new("500x2", "500*2", "Completed", null, 1, 1),
        new("500-always", "500", "Failed", "provider_unavailable", 0, 0),
        // A cheap call that timed out may be retried (documented); the slow first attempt is abandoned, never sold.
        new("timeout-once", SlowerThanTimeout + "*1", "Completed", null, 1, 1),
        new("abort-once", "abort*1", "Completed", null, 1, 1),
        new("malformed", "malformed", "Failed", "malformed_response", 1, 1),
    ];

    private static readonly StormFault[] VideoFaults =
    [
        new("429x2", "429=1*2", "Completed", null, 1, 1),
        new("503x2", "503*2", "Completed", null, 1, 1),
        // A 500 or a timeout on a video may have bought it: the job ends rather than buying a second one.
        new("500-once", "500*1", "Failed", "provider_unavailable", 0, 0),
        new("timeout-once", SlowerThanTimeout + "*1", "Failed", "timeout", 0, 0),
        new("malformed-once", "malformed*1", "Failed", "malformed_response", 1, 1),
        new("no-videos", "no-videos", "Failed", "content_policy", 0, 0),
    ];

    private static readonly StormFault[] PixazoFaults =
    [
        new("429x2", "429=1*2", "Completed", null, 1, 1),
        new("500-once", "500*1", "Failed", "provider_unavailable", 0, 0),
        new("timeout-once", SlowerThanTimeout + "*1", "Failed", "timeout", 0, 0),
        new("malformed-once", "malformed*1", "Failed", "malformed_response", 1, 1),
        // ERROR is "not charged": resubmitted (documented), up to 3 submissions.
        new("error-once", "error*1", "Completed", null, 2, 2),
        new("error-always", "error", "Failed", "system_error", 3, 3),
        new("failed", "failed", "Failed", "generation_failed", 1, 1),
        new("webhook-duplicate", "webhook-duplicate=3", "Completed", null, 1, 1),
        new("webhook-late", "webhook-delay=4000", "Completed", null, 1, 1),
        new("webhook-out-of-order", "webhook-out-of-order", "Completed", null, 1, 1),
        new("no-webhook", "no-webhook", "Completed", null, 1, 1),
        new("poll-500x2", "poll-500*2,no-webhook", "Completed", null, 1, 1),
        new("poll-malformed-once", "poll-malformed*1,no-webhook", "Completed", null, 1, 1),
    ];

    /// <summary>The job types, in the order jobs cycle through them.</summary>
    public static IReadOnlyList<StormJobType> Types { get; } =
    [
        new("cosmic-image", "image", "cosmic", SimulatorEndpoints.CosmicImage, StormPurchase.Cheap, (prompt, _) => new JsonObject { ["prompt"] = prompt }, CheapFaults),
        new("cosmic-text", "text", "cosmic", SimulatorEndpoints.CosmicText, StormPurchase.Cheap, (prompt, _) => new JsonObject { ["prompt"] = prompt }, CheapFaults),
        new("cosmic-audio", "audio", "cosmic", SimulatorEndpoints.CosmicAudio, StormPurchase.Cheap, (prompt, _) => new JsonObject { ["prompt"] = prompt }, CheapFaults),
        new("cosmic-video", "video", "cosmic", SimulatorEndpoints.CosmicVideo, StormPurchase.Video, (prompt, _) => new JsonObject { ["prompt"] = prompt }, VideoFaults),
        new("comet-image", "image", "comet", SimulatorEndpoints.CometImages, StormPurchase.Cheap, (prompt, _) => new JsonObject { ["prompt"] = prompt },
            [.. CheapFaults, new StormFault("content-policy", "content-policy", "Failed", "content_policy", 0, 0)]),
        new("pixazo-image", "image", "pixazo", SimulatorEndpoints.PixazoTextToImage, StormPurchase.Pixazo, (prompt, _) => new JsonObject { ["prompt"] = prompt }, PixazoFaults),
        new("pixazo-video", "video", "pixazo", SimulatorEndpoints.PixazoImageToVideo, StormPurchase.Pixazo, (prompt, simulator) => new JsonObject
        {
            ["prompt"] = prompt,
            ["image_url"] = new Uri(simulator, "media/synthetic/" + prompt.GetHashCode(StringComparison.Ordinal).ToString("x8", CultureInfo.InvariantCulture) + ".png?size=4096").ToString(),
        }, PixazoFaults),
    ];

    /// <summary>
    /// The storm's jobs: types cycle through <see cref="Types"/>; <paramref name="faultRatio"/> of them, picked with
    /// <paramref name="seed"/>, get a fault drawn (with the same seed) from their type's list.
    /// </summary>
    public static IReadOnlyList<StormJob> Plan(int jobs, double faultRatio, int seed, string runTag)
    {
        var random = new Random(seed);
        var faulted = Enumerable.Range(0, jobs).OrderBy(_ => random.Next()).Take((int)Math.Round(jobs * faultRatio)).ToHashSet();
        var plan = new List<StormJob>(jobs);
        for (var i = 0; i < jobs; i++)
        {
            var type = Types[i % Types.Count];
            var fault = faulted.Contains(i) ? type.Faults[random.Next(type.Faults.Count)] : null;
            var prompt = string.Create(CultureInfo.InvariantCulture, $"Storm {runTag} job {i:D4} {type.Name}: a harbour in fog");
            if (fault is not null)
            {
                prompt += $" [sim:{fault.Directive}]";
            }

            plan.Add(new StormJob(i, type, fault, prompt));
        }

        return plan;
    }
}
