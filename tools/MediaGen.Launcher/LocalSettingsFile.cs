using System.Text.Json;
using System.Text.Json.Nodes;

namespace MediaGen.Launcher;

/// <summary>
/// The files the Functions app is deployed with locally: a <c>local.settings.json</c> written from the repository's
/// <c>local.settings.sample.json</c> with a run's values (flat <c>Section__Key</c> names), and a copy of the repository's
/// <c>host.json</c>, optionally changed.
/// </summary>
public static class LocalSettingsFile
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The sample's values (<c>Values</c> of <c>local.settings.sample.json</c>).</summary>
    public static Dictionary<string, string?> SampleValues() =>
        Sample()["Values"]!.AsObject().ToDictionary(v => v.Key, v => v.Value?.GetValue<string>(), StringComparer.Ordinal);

    /// <summary>
    /// Writes <paramref name="path"/>: the sample with <paramref name="values"/> over its values (a null value removes one).
    /// With <paramref name="sampleNamesOnly"/> a name the sample does not list is refused: the sample lists every setting the
    /// app reads, so an unknown name is a typo that would silently change nothing.
    /// </summary>
    /// <param name="path">The file to write.</param>
    /// <param name="values">The run's values.</param>
    /// <param name="sampleNamesOnly">Refuse a name the sample does not list.</param>
    /// <param name="fromSample">Start from the sample's values; false: the file holds <paramref name="values"/> alone (and <c>FUNCTIONS_WORKER_RUNTIME</c>).</param>
    /// <returns>The values written.</returns>
    public static Dictionary<string, string?> Write(
        string path, IEnumerable<KeyValuePair<string, string?>> values, bool sampleNamesOnly = false, bool fromSample = true)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sample = fromSample
            ? Sample()
            : new JsonObject { ["IsEncrypted"] = false, ["Values"] = new JsonObject { ["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated" } };
        var settings = sample["Values"]!.AsObject();
        foreach (var (name, value) in values)
        {
            var flat = SimulatorSettings.Flat(name);
            if (sampleNamesOnly && !settings.ContainsKey(flat))
            {
                throw new InvalidOperationException($"'{flat}' is not a setting of local.settings.sample.json.");
            }

            if (value is null)
            {
                settings.Remove(flat);
            }
            else
            {
                settings[flat] = value;
            }
        }

        File.WriteAllText(path, sample.ToJsonString(Indented));
        if (!OperatingSystem.IsWindows())
        {
            // Secrets are in it: readable by this user only.
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return settings.ToDictionary(v => v.Key, v => v.Value?.GetValue<string>(), StringComparer.Ordinal);
    }

    /// <summary>Writes the repository's <c>host.json</c>, changed by <paramref name="change"/>, to <paramref name="path"/>.</summary>
    public static void WriteHostJson(string path, Action<JsonObject>? change = null)
    {
        var host = JsonNode.Parse(File.ReadAllText(RepoPaths.Combine("host.json")))!.AsObject();
        change?.Invoke(host);
        File.WriteAllText(path, host.ToJsonString(Indented));
    }

    private static JsonObject Sample() => JsonNode.Parse(File.ReadAllText(RepoPaths.Combine("local.settings.sample.json")))!.AsObject();
}
