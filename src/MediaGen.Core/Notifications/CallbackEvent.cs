namespace MediaGen.Core.Notifications;

/// <summary>
/// An event a job, batch or chain can deliver to its <c>callbackUrl</c> (<c>callbackEvents</c>). JSON names: <c>started</c>,
/// <c>output</c>, <c>completed</c>. Deliveries of one job arrive in this order: <c>started</c>, every <c>output</c> in item
/// order, <c>completed</c>.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<CallbackEvent>))]
public enum CallbackEvent
{
    /// <summary>Once, when the first provider call begins (a batch: when its first item starts).</summary>
    [JsonStringEnumMemberName("started")]
    Started,

    /// <summary>Once per stored item: each stored media item of a job, each chain segment, each completed batch item.</summary>
    [JsonStringEnumMemberName("output")]
    Output,

    /// <summary>Once, when it ended (completed, failed or canceled): the default.</summary>
    [JsonStringEnumMemberName("completed")]
    Completed,
}
