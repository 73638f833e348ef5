using MediaGen.StandInHost.Configuration;

namespace MediaGen.StandInHost.Hosting;

/// <summary>Everything the stand-in host runs, read from the built app before a host is built: settings, host.json, the host-side extensions and the functions.</summary>
public sealed class StandInApp
{
    private StandInApp(
        StandInHostOptions options,
        FunctionsHostConfiguration configuration,
        ExtensionManifest manifest,
        IReadOnlyList<LoadedExtension> extensions,
        AppFunctions functions)
    {
        Options = options;
        Configuration = configuration;
        Manifest = manifest;
        Extensions = extensions;
        Functions = functions;
    }

    /// <summary>The command line's options.</summary>
    public StandInHostOptions Options { get; }

    /// <summary>host.json, the settings file and the environment, as the host's configuration.</summary>
    public FunctionsHostConfiguration Configuration { get; }

    /// <summary>The app's <c>extensions.json</c>.</summary>
    public ExtensionManifest Manifest { get; }

    /// <summary>The host-side extensions whose startups run on the WebJobs builder.</summary>
    public IReadOnlyList<LoadedExtension> Extensions { get; }

    /// <summary>The app's functions and the WebJobs functions generated for them.</summary>
    public AppFunctions Functions { get; }

    /// <summary>Reads the app of <paramref name="options"/>: its settings over <paramref name="environment"/> (the process's by default) and its extensions.</summary>
    public static StandInApp Load(StandInHostOptions options, IReadOnlyDictionary<string, string?>? environment = null)
    {
        if (!Directory.Exists(options.AppFolder))
        {
            throw new StandInHostException($"The app folder '{options.AppFolder}' does not exist.");
        }

        var configuration = FunctionsHostConfiguration.Load(options, environment);
        var manifest = ExtensionManifest.Read(options.AppFolder);
        var extensions = manifest.LoadStartupTypes();
        var functions = AppFunctions.Load(
            options.AppFolder,
            configuration.HostJson.GetValueOrDefault(FunctionsHostConfiguration.JobHostSection + ":functionTimeout"));
        return new StandInApp(options, configuration, manifest, extensions, functions);
    }
}
