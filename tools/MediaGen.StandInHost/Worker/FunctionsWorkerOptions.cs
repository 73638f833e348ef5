using System.ComponentModel.DataAnnotations;

namespace MediaGen.StandInHost.Worker;

/// <summary>How the stand-in host starts and supervises the Functions app's worker process.</summary>
public sealed class FunctionsWorkerOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "StandInHost:Worker";

    /// <summary>
    /// The app's build output (the script root): it holds the worker's <c>worker.config.json</c>, <c>functions.metadata</c>,
    /// <c>host.json</c> and the app's assemblies. Required.
    /// </summary>
    [Required]
    public string AppDirectory { get; set; } = "";

    /// <summary>
    /// The app settings the worker gets as environment variables, as the Functions host passes them (Core Tools: the
    /// <c>Values</c> of <c>local.settings.json</c>). Added to the host process's own environment; a null value removes a
    /// variable. Default: none.
    /// </summary>
    public IDictionary<string, string?> Environment { get; } = new Dictionary<string, string?>(StringComparer.Ordinal);

    /// <summary>How long a worker may take from process start to every function loaded. Default 2 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long a worker may take to exit after <c>WorkerTerminate</c>, and to answer a canceled invocation, before it is
    /// killed or the invocation given up. Default 5 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan GracePeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How many times in a row a replacement worker may fail to start before the host gives up and every invocation fails
    /// with the last start-up error. Default 3.
    /// </summary>
    [Range(1, 100)]
    public int MaxConsecutiveStartFailures { get; set; } = 3;
}
