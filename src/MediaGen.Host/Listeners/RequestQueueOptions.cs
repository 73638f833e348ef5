using System.ComponentModel.DataAnnotations;

namespace MediaGen.Host.Listeners;

/// <summary>
/// The standalone host's listener on the requests queue (in Azure the Functions queue trigger does this; the Functions app
/// reads none of these: its host takes the same knobs from host.json's <c>extensions.queues</c>). The queue is
/// <see cref="MediaGen.Api.Triggers.TriggerNames.RequestQueueName"/>, its poison queue <c>&lt;queue&gt;-poison</c>.
/// </summary>
public sealed class RequestQueueOptions
{
    /// <summary>Configuration section: <c>RequestQueue</c>.</summary>
    public const string SectionName = "RequestQueue";

    /// <summary>Whether the listener runs. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Deliveries of a message that fails for a transient reason (storage) before it is moved, as it is, to the poison
    /// queue. Default 5 (as host.json's <c>maxDequeueCount</c> for the Functions host).
    /// </summary>
    [Range(1, 100)]
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>Messages fetched per receive, 1–32. Default 16.</summary>
    [Range(1, 32)]
    public int BatchSize { get; set; } = 16;

    /// <summary>How long a received message stays invisible to other hosts while it is handled. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait between polls of an empty queue; waits start at 100 ms and double. Default 2 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Wait before a transiently failed message is delivered again; doubles per delivery up to 10 min. Default 2 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(2);
}
