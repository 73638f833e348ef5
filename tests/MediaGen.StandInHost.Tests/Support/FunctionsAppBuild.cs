using System.Reflection;
using MediaGen.Testing;

namespace MediaGen.StandInHost.Tests.Support;

/// <summary>The built Functions app (its output folder, as the Functions host runs it), in the tests' own configuration.</summary>
internal static class FunctionsAppBuild
{
    /// <summary>The app's output folder: <c>src/MediaGen.Functions/bin/&lt;cfg&gt;/net10.0</c>.</summary>
    public static string Folder { get; } = RepoPaths.Combine(
        "src", "MediaGen.Functions", "bin",
        typeof(FunctionsAppBuild).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration,
        "net10.0");
}
