using System.Globalization;
using System.Text.RegularExpressions;

namespace MediaGen.Launcher;

/// <summary>The launches of the stack's two apps: the standalone host, and the Functions app under the stand-in host.</summary>
public static partial class StackApps
{
    /// <summary>
    /// The standalone host (<see cref="BuiltApps.StandaloneHost"/>) on <paramref name="address"/>, configured by
    /// environment variables (<paramref name="settings"/>, flat names); ready once <c>api/health</c> answers.
    /// </summary>
    public static AppLaunch StandaloneHost(Uri address, IReadOnlyDictionary<string, string> settings, string? logFolder = null, string name = "host")
    {
        ArgumentNullException.ThrowIfNull(address);
        var environment = new Dictionary<string, string>(settings, StringComparer.Ordinal)
        {
            ["ASPNETCORE_URLS"] = address.GetLeftPart(UriPartial.Authority),
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
        };
        return new AppLaunch(name, address, [BuiltApps.StandaloneHost])
        {
            Environment = environment,
            Settings = settings.ToDictionary(s => s.Key, s => (string?)s.Value, StringComparer.Ordinal),
            HealthPath = "api/health",
            LogFolder = logFolder,
            WorkingDirectory = Path.GetDirectoryName(BuiltApps.StandaloneHost),
        };
    }

    /// <summary>
    /// The Functions app as built (<see cref="BuiltApps.FunctionsApp"/>) under the stand-in Functions host on
    /// <paramref name="address"/>, configured by <paramref name="settingsFile"/> (a <c>local.settings.json</c>) and
    /// <paramref name="hostJsonFile"/>; ready once the host prints its <c>ready:</c> line (it has indexed the app, started
    /// the worker and the extensions).
    /// </summary>
    public static AppLaunch FunctionsApp(Uri address, string settingsFile, string hostJsonFile, string? logFolder = null, string name = "host")
    {
        ArgumentNullException.ThrowIfNull(address);
        return new AppLaunch(
            name,
            address,
            [
                BuiltApps.StandInHost, "--app", BuiltApps.FunctionsApp, "--settings", settingsFile, "--host-json", hostJsonFile,
                "--port", address.Port.ToString(CultureInfo.InvariantCulture),
            ])
        {
            ReadyLine = ReadyLine(),
            LogFolder = logFolder,
        };
    }

    /// <summary>The ids of the worker processes a stand-in host's output says it started (<c>Worker process {pid} started</c>).</summary>
    public static IEnumerable<int> WorkerProcessIds(string output) =>
        WorkerStartedLine().Matches(output).Select(m => int.Parse(m.Groups["pid"].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^ready: http://\S+")]
    private static partial Regex ReadyLine();

    [GeneratedRegex(@"Worker process (?<pid>\d+) started")]
    private static partial Regex WorkerStartedLine();
}
