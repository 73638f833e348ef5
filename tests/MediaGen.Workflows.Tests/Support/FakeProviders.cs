using System.Collections.Concurrent;
using MediaGen.Core.Jobs;
using MediaGen.Core.Providers.Pixazo;
using MediaGen.Workflows.Payloads;

namespace MediaGen.Workflows.Tests.Support;

/// <summary>
/// What the fake activities answer, and what they were asked, for orchestration tests on the in-memory backend.
/// Each behaviour gets the input and the 1-based number of the call for that job (and key).
/// </summary>
internal sealed class FakeProviders
{
    private readonly ConcurrentDictionary<string, int> _counters = new();

    public Func<string, GenerateInput, int, GenerateOutput> Generate { get; set; } =
        (jobId, input, _) => new GenerateOutput([new MediaToCopy(input.FirstItemIndex, $"https://cdn.test/{jobId}/{input.FirstItemIndex}.png", "image/png", $"media-{jobId}-{input.FirstItemIndex}")], [], ProviderId: $"media-{jobId}-{input.FirstItemIndex}");

    public Func<string, CopyInput, int, CopyOutput> Copy { get; set; } =
        (jobId, input, _) => new CopyOutput(new JobResultItem(new Uri($"https://blob.test/media/{jobId}/{input.Item.ItemIndex}.png"), "image/png", 100, "00", input.Item.ProviderId));

    public Func<string, PixazoSubmitInput, PixazoSubmitOutput> Submit { get; set; } =
        (jobId, input) => new PixazoSubmitOutput(new PixazoStatusReport($"req-{jobId}-{input.Submission}", PixazoStatus.Queued, null, [], null));

    public Func<string, int, PixazoPollOutput> Poll { get; set; } =
        (requestId, _) => new PixazoPollOutput(new PixazoStatusReport(requestId, PixazoStatus.Processing, null, [], null));

    /// <summary>Whether the n-th callback attempt is acknowledged.</summary>
    public Func<int, bool> CallbackAcknowledged { get; set; } = _ => true;

    public ConcurrentQueue<Call> Calls { get; } = new();

    public ConcurrentQueue<JobNotification> Published { get; } = new();

    public int Next(string key) => _counters.AddOrUpdate(key, 1, (_, n) => n + 1);

    public IReadOnlyList<Call> CallsOf(string activity, string? jobId = null) =>
        [.. Calls.Where(c => c.Activity == activity && (jobId is null || c.JobId == jobId))];

    /// <summary>One activity call: which, for which job, at what durable time, with what input.</summary>
    public sealed record Call(string Activity, string JobId, DateTimeOffset At, object? Input);
}
