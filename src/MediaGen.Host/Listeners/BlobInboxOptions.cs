using System.ComponentModel.DataAnnotations;

namespace MediaGen.Host.Listeners;

/// <summary>
/// The standalone host's listener on the inbox container (in Azure the Functions blob trigger does this; the Functions app
/// reads only the <see cref="InboxJobSettings"/> part). The container is <see cref="TriggerNames.BlobInboxContainerName"/>.
/// </summary>
public sealed class BlobInboxOptions : InboxJobSettings
{
    /// <summary>Configuration section: <c>BlobInbox</c>.</summary>
    public const string SectionName = "BlobInbox";

    /// <summary>Whether the listener runs. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Container of the durable processing records: one marker blob per inbox blob, same name, holding the job id
    /// or the errors. Default <c>inbox-processed</c>.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$", ErrorMessage = "BlobInbox__ProcessedContainerName must be a valid container name.")]
    public string ProcessedContainerName { get; set; } = "inbox-processed";

    /// <summary>Time between scans of the inbox. Default 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Scans a blob may fail for a transient reason before it is recorded as failed. Default 5.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;
}
