namespace MediaGen.StandInHost.Configuration;

/// <summary>
/// The host's configuration as Core Tools builds it for the Functions host: <c>host.json</c> under
/// <see cref="JobHostSection"/> (the root the WebJobs SDK is told to read extension options from), the process environment,
/// and the settings file's <c>Values</c> as app settings — an environment variable already set wins over the file, as in
/// Core Tools, and is reported. <c>__</c> in a name is a section separator, as for environment variables.
/// </summary>
public sealed class FunctionsHostConfiguration
{
    /// <summary>The configuration root the Functions host loads host.json into.</summary>
    public const string JobHostSection = "AzureFunctionsJobHost";

    /// <summary>The setting naming the root the WebJobs SDK reads <c>extensions:&lt;name&gt;</c> from (its default is <c>AzureWebJobs</c>).</summary>
    public const string WebJobsRootKey = "AzureWebJobsConfigurationSection";

    /// <summary>The only worker runtime this host runs.</summary>
    public const string WorkerRuntime = "dotnet-isolated";

    /// <summary>Set on Linux consumption containers: the Durable extension reads it as "runs on Linux consumption" (stdout event logs, a lower buffer threshold), so the host blanks it.</summary>
    public const string ContainerNameKey = "CONTAINER_NAME";

    private const string WorkerRuntimeKey = "FUNCTIONS_WORKER_RUNTIME";
    private const string EnvironmentKey = "AZURE_FUNCTIONS_ENVIRONMENT";

    private readonly IReadOnlyDictionary<string, string?> _environment;

    private FunctionsHostConfiguration(
        IReadOnlyDictionary<string, string?> hostJson,
        IReadOnlyDictionary<string, string> appSettings,
        IReadOnlyList<string> overriddenByEnvironment,
        IReadOnlyDictionary<string, string?> environment)
    {
        HostJson = hostJson;
        AppSettings = appSettings;
        OverriddenByEnvironment = overriddenByEnvironment;
        _environment = environment;
    }

    /// <summary>host.json, flattened under <see cref="JobHostSection"/>.</summary>
    public IReadOnlyDictionary<string, string?> HostJson { get; }

    /// <summary>
    /// The app settings this host applies on top of the environment, by their names as written (the worker gets them as
    /// environment variables): the settings file's values not already in the environment, and what Core Tools sets itself.
    /// </summary>
    public IReadOnlyDictionary<string, string> AppSettings { get; }

    /// <summary>Settings of the file that an environment variable of the same name overrode.</summary>
    public IReadOnlyList<string> OverriddenByEnvironment { get; }

    /// <summary>Reads host.json and the settings file of <paramref name="options"/> over <paramref name="environment"/> (the process's, by default).</summary>
    public static FunctionsHostConfiguration Load(StandInHostOptions options, IReadOnlyDictionary<string, string?>? environment = null)
    {
        environment ??= ProcessEnvironment();
        var hostJson = HostJsonFile.Load(options.HostJsonPath);
        var file = LocalSettings.Load(options.SettingsPath);

        if (file.Values.TryGetValue(WorkerRuntimeKey, out var runtime) && runtime.Length > 0
            && !string.Equals(runtime, WorkerRuntime, StringComparison.OrdinalIgnoreCase))
        {
            throw new StandInHostException($"{WorkerRuntimeKey} is '{runtime}' in '{options.SettingsPath}'; this host runs '{WorkerRuntime}' apps only.");
        }

        var applied = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var overridden = new List<string>();
        foreach (var (name, value) in file.Values)
        {
            if (environment.TryGetValue(name, out var existing) && existing is not null)
            {
                overridden.Add(name);
            }
            else
            {
                applied[name] = value;
            }
        }

        foreach (var (name, value) in file.ConnectionStrings)
        {
            applied[ConfigurationPath.Combine("ConnectionStrings", name)] = value;
        }

        applied[WorkerRuntimeKey] = WorkerRuntime;
        if (!environment.ContainsKey(EnvironmentKey))
        {
            // Core Tools runs the host in Development unless told otherwise.
            applied.TryAdd(EnvironmentKey, "Development");
        }

        return new FunctionsHostConfiguration(hostJson, applied, overridden, environment);
    }

    /// <summary>Adds this configuration's sources to <paramref name="builder"/>, later sources winning.</summary>
    public IConfigurationBuilder AddTo(IConfigurationBuilder builder)
    {
        builder.AddInMemoryCollection(HostJson);
        builder.AddInMemoryCollection(AsConfiguration(_environment.Where(e => e.Value is not null)!));
        builder.AddInMemoryCollection(AsConfiguration(AppSettings!));
        builder.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [WebJobsRootKey] = JobHostSection,
            [WorkerRuntimeKey] = WorkerRuntime,
            [ContainerNameKey] = "",
        });
        return builder;
    }

    /// <summary>Builds the configuration on its own (for what the host reads before its builder runs, and for tests).</summary>
    public IConfigurationRoot Build() => AddTo(new ConfigurationBuilder()).Build();

    private static IEnumerable<KeyValuePair<string, string?>> AsConfiguration(IEnumerable<KeyValuePair<string, string?>> settings) =>
        settings
            .Where(s => !string.Equals(s.Key, ContainerNameKey, StringComparison.OrdinalIgnoreCase))
            .Select(s => KeyValuePair.Create(s.Key.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal), s.Value));

    private static Dictionary<string, string?> ProcessEnvironment()
    {
        var environment = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            environment[(string)entry.Key] = entry.Value as string;
        }

        return environment;
    }
}
