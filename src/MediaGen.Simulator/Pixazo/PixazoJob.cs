namespace MediaGen.Simulator.Pixazo;

/// <summary>
/// One submitted Pixazo request. Its status is a pure function of the clock: QUEUED for
/// <see cref="QueuedFor"/>, PROCESSING for <see cref="ProcessingFor"/>, then <see cref="Outcome"/>,
/// so polls and webhooks always agree and nothing needs a timer to advance it.
/// </summary>
internal sealed record PixazoJob(
    string RequestId,
    string ModelId,
    string? Prompt,
    DateTimeOffset CreatedAt,
    TimeSpan QueuedFor,
    TimeSpan ProcessingFor,
    PixazoRequestStatus Outcome,
    string? OutcomeMessage,
    IReadOnlyList<string> MediaUrls,
    string MediaType,
    PixazoWebhookPlan Webhook,
    IReadOnlyList<FaultDirective> PollDirectives)
{
    public DateTimeOffset ProcessingAt => CreatedAt + QueuedFor;

    public DateTimeOffset FinishedAt => ProcessingAt + ProcessingFor;

    public PixazoRequestStatus StatusAt(DateTimeOffset now) =>
        now < ProcessingAt ? PixazoRequestStatus.Queued
        : now < FinishedAt ? PixazoRequestStatus.Processing
        : Outcome;

    /// <summary>The status document as of <paramref name="now"/>.</summary>
    public PixazoStatusResponse DescribeAt(DateTimeOffset now) => Describe(StatusAt(now));

    /// <summary>The status document for <paramref name="status"/>, with the timestamps it would carry.</summary>
    public PixazoStatusResponse Describe(PixazoRequestStatus status)
    {
        var updated = status switch
        {
            PixazoRequestStatus.Queued => CreatedAt,
            PixazoRequestStatus.Processing => ProcessingAt,
            _ => FinishedAt,
        };
        var final = status is PixazoRequestStatus.Completed or PixazoRequestStatus.Failed or PixazoRequestStatus.Error;
        return new PixazoStatusResponse(
            RequestId,
            Wire(status),
            ModelId,
            status switch
            {
                PixazoRequestStatus.Failed => OutcomeMessage ?? "Generation failed: the model could not produce an output for this request.",
                PixazoRequestStatus.Error => OutcomeMessage ?? "Internal error while processing the request. You have not been charged.",
                _ => null,
            },
            status == PixazoRequestStatus.Completed ? new PixazoOutput(MediaUrls, MediaType) : null,
            Timestamp(CreatedAt),
            Timestamp(updated),
            final ? Timestamp(FinishedAt) : null);
    }

    /// <summary>The upper-case wire form: QUEUED, PROCESSING, COMPLETED, FAILED, ERROR.</summary>
    public static string Wire(PixazoRequestStatus status) => status.ToString().ToUpperInvariant();

    private static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
