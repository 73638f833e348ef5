using System.Text.Json;
using System.Text.Json.Nodes;
using MediaGen.Testing;

namespace MediaGen.Bench.FunctionsOverhead;

/// <summary>
/// The <c>local.settings.json</c> of the benchmark's Functions app: the repository's <c>local.settings.sample.json</c> with
/// the run's values, as <c>scripts/run.sh --functions</c> writes its own. A name the sample does not list is refused (the
/// sample lists every setting the app reads).
/// </summary>
internal static class LocalSettingsFile
{
    /// <summary>Writes the file to <paramref name="path"/> with <paramref name="values"/> over the sample's.</summary>
    public static void Write(string path, IReadOnlyDictionary<string, string> values)
    {
        var sample = JsonNode.Parse(File.ReadAllText(RepoPaths.Combine("local.settings.sample.json")))!.AsObject();
        var settings = sample["Values"]!.AsObject();
        foreach (var (name, value) in values)
        {
            if (!settings.ContainsKey(name))
            {
                throw new InvalidOperationException($"'{name}' is not a setting of local.settings.sample.json.");
            }

            settings[name] = value;
        }

        File.WriteAllText(path, sample.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }
}
