using System.ComponentModel.DataAnnotations;

namespace MediaGen.Api;

/// <summary>Limits of the HTTP API shared by the standalone host and the Functions app.</summary>
public sealed class ApiOptions
{
    /// <summary>Configuration section: <c>Api</c>.</summary>
    public const string SectionName = "Api";

    /// <summary>Largest request body accepted, in bytes. Default 1 MiB.</summary>
    [Range(1024, 64 * 1024 * 1024, ErrorMessage = "Api__MaxRequestBodyBytes must be between 1 KiB and 64 MiB.")]
    public int MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// How often a watched job is read while it changes, in milliseconds: one read per job however many streams and
    /// waiting starts watch it; it slows down (doubling) to <see cref="WatchMaxPollMilliseconds"/> while nothing changes.
    /// Default 500.
    /// </summary>
    [Range(50, 10_000, ErrorMessage = "Api__WatchPollMilliseconds must be between 50 and 10000.")]
    public int WatchPollMilliseconds { get; set; } = 500;

    /// <summary>The slowest a watched job that does not change is read, in milliseconds. Default 2000.</summary>
    [Range(50, 60_000, ErrorMessage = "Api__WatchMaxPollMilliseconds must be between 50 and 60000.")]
    public int WatchMaxPollMilliseconds { get; set; } = 2000;

    /// <summary>How often a quiet event stream sends a keep-alive comment, in seconds. Default 15.</summary>
    [Range(1, 300, ErrorMessage = "Api__EventStreamKeepAliveSeconds must be between 1 and 300.")]
    public int EventStreamKeepAliveSeconds { get; set; } = 15;
}
