namespace MediaGen.StandInHost.Tests.Worker;

/// <summary>The Functions app's build output, as the Functions host runs it (built before the tests, same configuration).</summary>
internal static class FunctionsAppOutput
{
    /// <summary>The folder holding <c>MediaGen.Functions.dll</c>, <c>functions.metadata</c>, <c>host.json</c> and <c>worker.config.json</c>.</summary>
    public static string Directory { get; } = Locate();

    /// <summary>A file of the app's output.</summary>
    public static string File(string name) => Path.Combine(Directory, name);

    private static string Locate()
    {
        // The tests run from tests/MediaGen.StandInHost.Tests/bin/<configuration>/net10.0/.
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = framework.Parent?.Name ?? throw new InvalidOperationException($"No build configuration above {framework.FullName}.");
        var directory = RepoPaths.Combine("src", "MediaGen.Functions", "bin", configuration, framework.Name);
        return System.IO.File.Exists(Path.Combine(directory, "MediaGen.Functions.dll"))
            ? directory
            : throw new InvalidOperationException($"The Functions app is not built at {directory}; build tests/MediaGen.StandInHost.Tests first.");
    }
}
