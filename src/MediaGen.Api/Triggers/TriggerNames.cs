using System.ComponentModel.DataAnnotations;

namespace MediaGen.Api.Triggers;

/// <summary>
/// The requests queue and the inbox container, named by flat app settings at the configuration root: the Functions
/// triggers name them in binding expressions (<c>%RequestQueueName%</c>), which the Functions host and the platform's
/// scale controller read literally, so they cannot be <c>Section__Key</c> names. Both hosts read these settings (the
/// standalone host also accepts its older <c>RequestQueue__QueueName</c> / <c>BlobInbox__ContainerName</c> while they
/// agree). Validated at start-up.
/// </summary>
public sealed class TriggerNames
{
    /// <summary>Bound from the configuration root (the setting names are the property names).</summary>
    public const string SectionName = "";

    /// <summary>What the Functions host appends to a trigger queue's name to name its poison queue (and MediaGen does too).</summary>
    public const string PoisonSuffix = "-poison";

    /// <summary>
    /// Queue of job requests (the HTTP start body, as plain or base64 JSON), setting <c>RequestQueueName</c>. At most 56
    /// characters and not ending in <c>-poison</c>, so that <c>&lt;name&gt;-poison</c> is a valid queue name (the Functions
    /// host keeps no poison queue otherwise). Default <c>mediagen-requests</c>.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression("^(?!.*-poison$)[a-z0-9](?!.*--)[a-z0-9-]{1,54}[a-z0-9]$",
        ErrorMessage = "RequestQueueName must be a valid queue name of at most 56 characters not ending in -poison (the poison queue is <name>-poison).")]
    public string RequestQueueName { get; set; } = "mediagen-requests";

    /// <summary>
    /// Container watched for job specs (<c>*.json</c>) and images (<c>png</c>, <c>jpg</c>, <c>jpeg</c>, <c>webp</c>), setting
    /// <c>BlobInboxContainerName</c>. Default <c>inbox</c>.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$", ErrorMessage = "BlobInboxContainerName must be a valid container name.")]
    public string BlobInboxContainerName { get; set; } = "inbox";

    /// <summary>
    /// Where a request that cannot become a job goes: <c>&lt;RequestQueueName&gt;-poison</c>, the queue the Functions host moves
    /// a message to after <c>maxDequeueCount</c> failed deliveries, so each requests queue has one poison queue.
    /// </summary>
    public string RequestPoisonQueueName => RequestQueueName + PoisonSuffix;
}
