using System.ComponentModel.DataAnnotations;

namespace MediaGen.Api.Triggers;

/// <summary>
/// How an inbox blob becomes a job, bound from the <c>BlobInbox</c> section by both hosts (the standalone host's
/// <c>BlobInboxOptions</c> adds its listener's settings to these).
/// </summary>
public class InboxJobSettings
{
    /// <summary>Configuration section the settings are read from: <c>BlobInbox</c>.</summary>
    public const string ConfigurationSection = "BlobInbox";

    /// <summary>Prompt of an image-to-video job when the image blob has no <c>prompt</c> metadata.</summary>
    [Required(AllowEmptyStrings = false)]
    public string DefaultPrompt { get; set; } = "Bring this image to life with gentle, natural camera motion.";

    /// <summary>Lifetime of the read-only SAS URL the provider fetches an inbox image through. Default 1 h.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan SasLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Largest job spec read, in bytes. Default 1 MiB.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxSpecBytes { get; set; } = 1024 * 1024;
}
