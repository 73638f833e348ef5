namespace MediaGen.Launcher;

/// <summary>
/// Where the built apps the stack starts are: next to the running assembly when its project references the app (the
/// drives copy the standalone host), else in the app project's own build output of the same configuration (Release when
/// the running assembly is not under <c>bin/&lt;configuration&gt;/</c>).
/// </summary>
public static class BuiltApps
{
    /// <summary>The standalone host, <c>MediaGen.Host.dll</c>.</summary>
    public static string StandaloneHost => Locate("src", "MediaGen.Host", "MediaGen.Host.dll");

    /// <summary>The stand-in Functions host, <c>MediaGen.StandInHost.dll</c>.</summary>
    public static string StandInHost => Locate("tools", "MediaGen.StandInHost", "MediaGen.StandInHost.dll");

    /// <summary>The demo <c>scripts/run.sh</c> runs, <c>MediaGen.Demo.dll</c>.</summary>
    public static string Demo => Locate("tools", "MediaGen.Demo", "MediaGen.Demo.dll");

    /// <summary>The provider simulator, <c>MediaGen.Simulator.dll</c>.</summary>
    public static string Simulator => Locate("src", "MediaGen.Simulator", "MediaGen.Simulator.dll");

    /// <summary>
    /// The Functions app's build output (<c>MediaGen.Functions.dll</c>, <c>functions.metadata</c>, <c>worker.config.json</c>):
    /// always the project's own folder, since the worker runs from there as it is shipped.
    /// </summary>
    public static string FunctionsApp
    {
        get
        {
            var folder = Output("src", "MediaGen.Functions");
            return File.Exists(Path.Combine(folder, "functions.metadata"))
                ? folder
                : throw new InvalidOperationException($"The Functions app is not built at {folder}: build src/MediaGen.Functions (-c {Configuration}) first.");
        }
    }

    /// <summary>The build configuration of the running assembly (<c>Release</c> when it cannot tell).</summary>
    public static string Configuration
    {
        get
        {
            var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            return framework.Parent is { Name: "Debug" or "Release" } configuration ? configuration.Name : "Release";
        }
    }

    private static string Locate(string area, string project, string dll)
    {
        var beside = Path.Combine(AppContext.BaseDirectory, dll);
        if (File.Exists(beside))
        {
            return beside;
        }

        var built = Path.Combine(Output(area, project), dll);
        return File.Exists(built)
            ? built
            : throw new InvalidOperationException($"{dll} is not built at {built}: build {area}/{project} (-c {Configuration}) first.");
    }

    private static string Output(string area, string project) => RepoPaths.Combine(area, project, "bin", Configuration, "net10.0");
}
