using System.Collections.Concurrent;

namespace MediaGen.Workflows.Tests.Support;

/// <summary>
/// What the fake activities answer, and what they were asked, for orchestration tests on the in-process test host.
/// Each behaviour gets the input and the 1-based number of the call for that job (and key). Behaviours may be async
/// where a test needs to act while an activity runs (e.g. raise an event mid-poll).
/// </summary>
internal sealed class FakeProviders
{
    private readonly ConcurrentDictionary<string, int> _counters = new();
    private long _sequence;

    public Func<string, GenerateInput, int, GenerateOutput> Generate { get; set; } =
        (jobId, input, _) => new GenerateOutput([new MediaToCopy(input.FirstItemIndex, $"https://cdn.test/{jobId}/{input.FirstItemIndex}.png", "image/png", $"media-{jobId}-{input.FirstItemIndex}")], [], ProviderId: $"media-{jobId}-{input.FirstItemIndex}");

    public Func<string, CopyInput, int, CopyOutput> Copy { get; set; } =
        (jobId, input, _) => new CopyOutput(new JobResultItem(new Uri($"https://blob.test/media/{jobId}/{input.Item.ItemIndex}.png"), "image/png", 100, "00", input.Item.ProviderId));

    /// <summary>A Pixazo submission: the job id and the input (its submission number).</summary>
    public Func<string, PixazoSubmitInput, Task<PixazoSubmitOutput>> SubmitAsync { get; set; } =
        (jobId, input) => Task.FromResult(new PixazoSubmitOutput(new PixazoStatusReport($"req-{jobId}-{input.Submission}", PixazoStatus.Queued, null, [], null)));

    /// <summary>Sets <see cref="SubmitAsync"/> from a synchronous behaviour.</summary>
    public Func<string, PixazoSubmitInput, PixazoSubmitOutput> Submit
    {
        set => SubmitAsync = (jobId, input) => Task.FromResult(value(jobId, input));
    }

    /// <summary>
    /// What Pixazo itself holds for a request id: set by a genuine webhook (<see cref="FakePixazo.PostWebhookAsync"/>, which
    /// posts what Pixazo reports), answered by the default poll.
    /// </summary>
    public ConcurrentDictionary<string, PixazoStatusReport> PixazoHolds { get; } = new();

    /// <summary>A status poll: the request id and the 1-based poll number of that request. By default, what Pixazo holds (<see cref="PixazoHolds"/>), else PROCESSING.</summary>
    public Func<string, int, Task<PixazoPollOutput>> PollAsync { get; set; }

    public FakeProviders() =>
        PollAsync = (requestId, _) => Task.FromResult(new PixazoPollOutput(
            PixazoHolds.TryGetValue(requestId, out var held) ? held : new PixazoStatusReport(requestId, PixazoStatus.Processing, null, [], null)));

    /// <summary>Sets <see cref="PollAsync"/> from a synchronous behaviour.</summary>
    public Func<string, int, PixazoPollOutput> Poll
    {
        set => PollAsync = (requestId, poll) => Task.FromResult(value(requestId, poll));
    }

    /// <summary>One callback delivery attempt: the input and the 1-based attempt number of that job.</summary>
    public Func<CallbackInput, int, DeliveryOutput> Callback { get; set; } = (_, _) => DeliveryOutput.Delivered;

    /// <summary>Sets <see cref="Callback"/>: whether the n-th attempt is acknowledged (a refusal is a retryable failure reported as data, as the real activity does).</summary>
    public Func<int, bool> CallbackAcknowledged
    {
        set => Callback = (_, attempt) => value(attempt)
            ? DeliveryOutput.Delivered
            : new DeliveryOutput(new StepFailure("callback_failed", "The receiver answered 500.", Retryable: true, HttpStatus: 500));
    }

    public ConcurrentQueue<Call> Calls { get; } = new();

    public ConcurrentQueue<JobNotification> Published { get; } = new();

    public int Next(string key) => _counters.AddOrUpdate(key, 1, (_, n) => n + 1);

    public void Record(string activity, string jobId, object? input) =>
        Calls.Enqueue(new Call(activity, jobId, Interlocked.Increment(ref _sequence), input));

    public IReadOnlyList<Call> CallsOf(string activity, string? jobId = null) =>
        [.. Calls.Where(c => c.Activity == activity && (jobId is null || c.JobId == jobId)).OrderBy(c => c.Sequence)];

    /// <summary>One activity call: which, for which job, in which order (across all jobs), with what input.</summary>
    public sealed record Call(string Activity, string JobId, long Sequence, object? Input);
}
