namespace MediaGen.Engine;

/// <summary>Maps DTFx instance state onto the Microsoft.DurableTask client model.</summary>
internal static class OrchestrationStateConverter
{
    private static readonly IReadOnlyDictionary<string, string> NoTags = new Dictionary<string, string>();

    /// <summary>The statuses of an instance that still runs (can take events, be suspended or terminated).</summary>
    public static bool IsRunning(OrchestrationStatus status) =>
        status is OrchestrationStatus.Running or OrchestrationStatus.Pending or OrchestrationStatus.Suspended or OrchestrationStatus.ContinuedAsNew;

    /// <summary>
    /// The client view of <paramref name="state"/>. Without <paramref name="withPayloads"/> input, output, custom
    /// status and failure details are null, as Durable Functions returns them.
    /// </summary>
    public static OrchestrationMetadata ToMetadata(
        OrchestrationState state, bool withPayloads, DataConverter dataConverter, FailureDetails? failure) =>
        new(state.Name, state.OrchestrationInstance.InstanceId)
        {
            DataConverter = dataConverter,
            RuntimeStatus = ToRuntimeStatus(state.OrchestrationStatus),
            CreatedAt = AsUtc(state.CreatedTime),
            LastUpdatedAt = AsUtc(state.LastUpdatedTime),
            SerializedInput = withPayloads ? state.Input : null,
            SerializedOutput = withPayloads ? state.Output : null,
            SerializedCustomStatus = withPayloads ? state.Status : null,
            FailureDetails = withPayloads ? ToTaskFailureDetails(failure ?? state.FailureDetails) : null,
            Tags = state.Tags is { Count: > 0 } tags ? new Dictionary<string, string>(tags) : NoTags,
        };

    /// <summary>
    /// The same status by name, as the Durable Functions isolated client casts it (Canceled stays Canceled). A row of the
    /// instance store without a readable status — the Azure Storage backend reports it as <c>-1</c>; seen when a host was
    /// killed while the row was being written — is an instance that exists but has not recorded a start: Pending, which
    /// the next write of the backend corrects, instead of an exception that turned a status read into a 500.
    /// </summary>
    public static OrchestrationRuntimeStatus ToRuntimeStatus(OrchestrationStatus status) => status switch
    {
        OrchestrationStatus.Running => OrchestrationRuntimeStatus.Running,
        OrchestrationStatus.Completed => OrchestrationRuntimeStatus.Completed,
        OrchestrationStatus.Failed => OrchestrationRuntimeStatus.Failed,
        OrchestrationStatus.Terminated => OrchestrationRuntimeStatus.Terminated,
        OrchestrationStatus.Pending => OrchestrationRuntimeStatus.Pending,
        OrchestrationStatus.Suspended => OrchestrationRuntimeStatus.Suspended,
#pragma warning disable CS0618 // Obsolete in the client model, but the backend still reports them.
        OrchestrationStatus.ContinuedAsNew => OrchestrationRuntimeStatus.ContinuedAsNew,
        OrchestrationStatus.Canceled => OrchestrationRuntimeStatus.Canceled,
#pragma warning restore CS0618
        _ => OrchestrationRuntimeStatus.Pending,
    };

    /// <summary>The backend status of the same name.</summary>
    public static OrchestrationStatus ToCoreStatus(OrchestrationRuntimeStatus status) => status switch
    {
        OrchestrationRuntimeStatus.Running => OrchestrationStatus.Running,
        OrchestrationRuntimeStatus.Completed => OrchestrationStatus.Completed,
        OrchestrationRuntimeStatus.Failed => OrchestrationStatus.Failed,
        OrchestrationRuntimeStatus.Terminated => OrchestrationStatus.Terminated,
        OrchestrationRuntimeStatus.Pending => OrchestrationStatus.Pending,
        OrchestrationRuntimeStatus.Suspended => OrchestrationStatus.Suspended,
#pragma warning disable CS0618 // Obsolete in the client model, but still valid filters and dedupe statuses.
        OrchestrationRuntimeStatus.ContinuedAsNew => OrchestrationStatus.ContinuedAsNew,
        OrchestrationRuntimeStatus.Canceled => OrchestrationStatus.Canceled,
#pragma warning restore CS0618
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown orchestration runtime status."),
    };

    /// <summary>The failure with its whole inner chain, or null.</summary>
    public static TaskFailureDetails? ToTaskFailureDetails(FailureDetails? failure) => failure is null
        ? null
        : new TaskFailureDetails(
            failure.ErrorType,
            failure.ErrorMessage,
            failure.StackTrace,
            ToTaskFailureDetails(failure.InnerFailure),
            failure.Properties);

    private static DateTimeOffset AsUtc(DateTime time) =>
        time == default ? default
        : new DateTimeOffset(time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
