namespace MediaGen.Functions.Tests.Infra;

/// <summary>
/// local.settings.sample.json serves both hosts (Core Tools reads it; it also lists the standalone host's settings), so
/// it must not present a setting the Functions app ignores as one it reads: those come last, after every setting the
/// Functions app or its host reads, and the README names each of them under "Settings only the standalone host reads".
/// </summary>
public sealed partial class LocalSettingsSampleTests
{
    private const string ReadmeSection = "### Settings only the standalone host reads";

    /// <summary>Settings the Functions host itself reads (not the app's code).</summary>
    private static readonly HashSet<string> HostPlatformSettings = new(StringComparer.Ordinal) { "FUNCTIONS_WORKER_RUNTIME" };

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> AppReads = FunctionsAppSettings.All();

    [Fact]
    public void LocalSettingsSample_SettingsTheFunctionsAppIgnores_ComeAfterEveryOneItReads()
    {
        var keys = SampleKeys();
        var firstIgnored = keys.FindIndex(k => !ReadByFunctions(k));
        Assert.True(firstIgnored > 0, "the sample lists settings only the standalone host reads");

        var readAfter = keys.Skip(firstIgnored).Where(ReadByFunctions).ToList();

        Assert.True(readAfter.Count == 0,
            $"settings the Functions app reads, listed after '{keys[firstIgnored]}' among the standalone-only ones: " + string.Join(", ", readAfter));
    }

    [Fact]
    public void Readme_StandaloneOnlySection_NamesEverySettingTheFunctionsAppIgnoresAndNoOther()
    {
        var listed = ReadmeStandaloneOnly();
        var ignored = SampleKeys().Where(k => !ReadByFunctions(k)).ToList();

        var unlisted = ignored.Where(k => !listed.Any(l => Covers(l, k))).ToList();
        var wronglyListed = listed.Where(l => SampleKeys().Any(k => Covers(l, k) && ReadByFunctions(k))).ToList();

        Assert.True(unlisted.Count == 0, $"README '{ReadmeSection}' does not name: " + string.Join(", ", unlisted));
        Assert.True(wronglyListed.Count == 0, $"README '{ReadmeSection}' names settings the Functions app reads: " + string.Join(", ", wronglyListed));
    }

    [Fact]
    public void ReadByFunctions_TheAppsAndTheStandaloneHostsSettings_AreToldApart()
    {
        // A broken reader must not make the checks above pass by finding nothing (or everything).
        Assert.True(ReadByFunctions("RequestQueueName"));
        Assert.True(ReadByFunctions("BlobInbox__SasLifetime"));
        Assert.True(ReadByFunctions("AzureWebJobs.BlobInbox.Disabled"));
        Assert.False(ReadByFunctions("RequestQueue__MaxDequeueCount"));
        Assert.False(ReadByFunctions("BlobInbox__PollingInterval"));
        Assert.False(ReadByFunctions("DurableTask__HubName"));
    }

    private static bool ReadByFunctions(string key) =>
        AppReads.ContainsKey(key) || HostPlatformSettings.Contains(key) || FunctionSwitch().IsMatch(key);

    /// <summary>A listed name covers a key exactly, or as a prefix wildcard (<c>DurableTask__*</c>).</summary>
    private static bool Covers(string listed, string key) =>
        listed.EndsWith('*') ? key.StartsWith(listed[..^1], StringComparison.Ordinal) : listed == key;

    private static List<string> SampleKeys()
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(RepoPaths.Combine("local.settings.sample.json")));
        return [.. sample.RootElement.GetProperty("Values").EnumerateObject().Select(p => p.Name)];
    }

    private static List<string> ReadmeStandaloneOnly()
    {
        var lines = File.ReadAllLines(RepoPaths.Combine("README.md"));
        var start = Array.FindIndex(lines, l => l.StartsWith(ReadmeSection, StringComparison.Ordinal));
        Assert.True(start >= 0, $"README has no '{ReadmeSection}' section");
        var section = lines.Skip(start + 1).TakeWhile(l => !l.StartsWith('#'));
        return [.. section.SelectMany(l => Code().Matches(l)).Select(m => m.Groups["name"].Value).Where(n => n.Contains("__", StringComparison.Ordinal)).Distinct()];
    }

    [GeneratedRegex(@"^AzureWebJobs\.[^.]+\.Disabled$")]
    private static partial Regex FunctionSwitch();

    [GeneratedRegex("`(?<name>[A-Za-z][A-Za-z0-9_]*\\*?)`")]
    private static partial Regex Code();
}
