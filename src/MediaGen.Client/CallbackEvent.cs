namespace MediaGen.Client;

/// <summary>An event a job, batch or chain delivers to its callback URL; they arrive started, outputs in item order, completed.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CallbackEvent>))]
public enum CallbackEvent
{
    /// <summary><c>started</c>: the first provider call began (a batch: its first item started).</summary>
    [JsonStringEnumMemberName("started")]
    Started,

    /// <summary><c>output</c>: once per stored item (a job's media item, a chain segment, a completed batch item).</summary>
    [JsonStringEnumMemberName("output")]
    Output,

    /// <summary><c>completed</c>: it ended (the default).</summary>
    [JsonStringEnumMemberName("completed")]
    Completed,
}
