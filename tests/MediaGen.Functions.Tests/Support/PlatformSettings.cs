namespace MediaGen.Functions.Tests.Support;

/// <summary>
/// The settings the Functions host and the platform read by name from the generated <c>functions.metadata</c> (and
/// host.json's <c>%…%</c>), and how the host resolves them from flat app settings: a binding expression <c>%Name%</c>
/// from the setting <c>Name</c>; a storage connection <c>C</c> as the WebJobs storage extensions do
/// (<c>StorageClientProvider</c>): the section <c>AzureWebJobsC</c>, else <c>C</c>, holding either a connection string
/// (<c>C</c> itself) or, identity-based, per service <c>C__&lt;service&gt;ServiceUri</c> or <c>C__accountName</c>.
/// </summary>
internal static partial class PlatformSettings
{
    /// <summary>The storage services each binding type with a connection uses (a blob trigger keeps its receipts and poison messages in queues).</summary>
    private static readonly Dictionary<string, string[]> ServicesByBinding = new(StringComparer.Ordinal)
    {
        ["queueTrigger"] = ["queue"],
        ["queue"] = ["queue"],
        ["blobTrigger"] = ["blob", "queue"],
        ["blob"] = ["blob"],
    };

    /// <summary>Every binding expression and connection of the generated metadata, and host.json's binding expressions.</summary>
    public static IReadOnlyList<PlatformSettingReference> References()
    {
        var references = new List<PlatformSettingReference>();
        foreach (var (function, metadata) in FunctionsMetadata.Functions)
        {
            foreach (var binding in metadata.GetProperty("bindings").EnumerateArray())
            {
                var type = FunctionsMetadata.Text(binding, "type") ?? "?";
                Collect(binding, function, type, references);
            }
        }

        foreach (Match expression in Expression().Matches(File.ReadAllText(RepoPaths.Combine("host.json"))))
        {
            references.Add(new PlatformSettingReference("host.json", "host.json", expression.Groups["name"].Value, IsConnection: false));
        }

        return references;
    }

    /// <summary>True when <paramref name="name"/> is a plain app-setting name: no <c>:</c> and no <c>__</c> section separator.</summary>
    public static bool IsFlat(string name) => FlatName().IsMatch(name);

    /// <summary>Null when <paramref name="settings"/> give the host what <paramref name="reference"/> needs, else why not.</summary>
    public static string? Unresolved(PlatformSettingReference reference, IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(settings);
        if (!reference.IsConnection)
        {
            return settings.TryGetValue(reference.Name, out var value) && value.Length > 0 ? null : $"no non-empty setting '{reference.Name}'";
        }

        if (!ServicesByBinding.TryGetValue(reference.BindingType, out var services))
        {
            return $"binding type '{reference.BindingType}' has a connection this check does not know the services of: add it to {nameof(PlatformSettings)}";
        }

        // The WebJobs lookup: the prefixed section first (GetWebJobsConnectionStringSection), then the name itself.
        var section = new[] { "AzureWebJobs" + reference.Name, reference.Name }.FirstOrDefault(s => Exists(s, settings));
        if (section is null)
        {
            return $"neither '{reference.Name}' nor '{reference.Name}__*' settings exist";
        }

        if (settings.TryGetValue(section, out var connectionString) && connectionString.Length > 0)
        {
            return null;
        }

        var missing = services.Where(service => !Has(settings, $"{section}__{service}ServiceUri") && !Has(settings, $"{section}__accountName")).ToList();
        return missing.Count == 0 ? null : $"'{section}' is identity-based but gives no {string.Join(", ", missing.Select(s => $"{section}__{s}ServiceUri"))} or {section}__accountName";
    }

    /// <summary>The functions <paramref name="settings"/> disable with <c>AzureWebJobs.&lt;name&gt;.Disabled</c> (<c>true</c> or <c>1</c>, as the host reads it).</summary>
    public static IReadOnlySet<string> DisabledFunctions(IReadOnlyDictionary<string, string> settings) =>
        settings.Select(s => (Match: Disabled().Match(s.Key), s.Value))
            .Where(s => s.Match.Success && (s.Value.Equals("true", StringComparison.OrdinalIgnoreCase) || s.Value == "1"))
            .Select(s => s.Match.Groups["function"].Value)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The <c>Values</c> of local.settings.sample.json.</summary>
    public static IReadOnlyDictionary<string, string> SampleValues()
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(RepoPaths.Combine("local.settings.sample.json")));
        return sample.RootElement.GetProperty("Values").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
    }

    private static void Collect(JsonElement element, string function, string type, List<PlatformSettingReference> references)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Object)
            {
                Collect(property.Value, function, type, references);
            }
            else if (property.Value.ValueKind == JsonValueKind.String)
            {
                var text = property.Value.GetString()!;
                if (property.Name.Equals("connection", StringComparison.OrdinalIgnoreCase))
                {
                    references.Add(new PlatformSettingReference(function, type, text, IsConnection: true));
                }

                foreach (Match expression in Expression().Matches(text))
                {
                    references.Add(new PlatformSettingReference(function, type, expression.Groups["name"].Value, IsConnection: false));
                }
            }
        }
    }

    private static bool Exists(string section, IReadOnlyDictionary<string, string> settings) =>
        Has(settings, section) || settings.Keys.Any(k => k.StartsWith(section + "__", StringComparison.OrdinalIgnoreCase) && settings[k].Length > 0);

    private static bool Has(IReadOnlyDictionary<string, string> settings, string key) =>
        settings.Any(s => s.Key.Equals(key, StringComparison.OrdinalIgnoreCase) && s.Value.Length > 0);

    [GeneratedRegex("%(?<name>[^%]+)%")]
    private static partial Regex Expression();

    [GeneratedRegex("^(?!.*__)[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex FlatName();

    [GeneratedRegex(@"^AzureWebJobs\.(?<function>[^.]+)\.Disabled$")]
    private static partial Regex Disabled();
}
