namespace MediaGen.Core.Providers.Pixazo;

/// <summary>Where a Pixazo request is: QUEUED → PROCESSING → COMPLETED | FAILED | ERROR.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PixazoStatus>))]
public enum PixazoStatus
{
    /// <summary>Accepted, waiting to be processed.</summary>
    [JsonStringEnumMemberName("QUEUED")]
    Queued,

    /// <summary>Being processed by the model.</summary>
    [JsonStringEnumMemberName("PROCESSING")]
    Processing,

    /// <summary>Done: the output holds the media URLs.</summary>
    [JsonStringEnumMemberName("COMPLETED")]
    Completed,

    /// <summary>The generation failed (terminal); see the error.</summary>
    [JsonStringEnumMemberName("FAILED")]
    Failed,

    /// <summary>A system error; not charged, may be resubmitted.</summary>
    [JsonStringEnumMemberName("ERROR")]
    Error,
}
