namespace MediaGen.Functions.Tests.Support;

/// <summary>
/// Every app setting the Functions app reads, in the flat form app settings use (<c>Section__Key</c>): the options classes
/// of the app's own assemblies (<c>MediaGen.Functions</c> and the MediaGen assemblies it references: the standalone host
/// and its engine are not deployed), the binding expressions (<c>%Setting%</c>) of the generated function metadata, the
/// host.json <c>%Setting%</c> references, and the keys the app's code reads from configuration directly
/// (<c>configuration["Section:Key"]</c>). Connection names are not here: the host resolves them from <c>Name</c> or
/// <c>Name__*</c> settings (<see cref="PlatformSettings"/> checks them so).
/// </summary>
internal static partial class FunctionsAppSettings
{
    /// <summary>Each setting with what reads it.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> All()
    {
        var settings = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var type in SettingsCatalog.OptionsTypes(AppAssemblies()))
        {
            foreach (var key in SettingsCatalog.KeysOf(type))
            {
                Add(settings, key, $"options {type.Name}");
            }
        }

        foreach (var (name, function) in FunctionsMetadata.Functions)
        {
            foreach (var binding in function.GetProperty("bindings").EnumerateArray())
            {
                foreach (var property in binding.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String))
                {
                    foreach (Match expression in Expression().Matches(property.Value.GetString()!))
                    {
                        Add(settings, Flat(expression.Groups["key"].Value), $"binding expression of {name}");
                    }
                }
            }
        }

        foreach (Match expression in Expression().Matches(File.ReadAllText(RepoPaths.Combine("host.json"))))
        {
            Add(settings, Flat(expression.Groups["key"].Value), "host.json");
        }

        // The Functions app's own code, and the shared code every host runs (the telemetry wiring reads OTEL_* names).
        foreach (var file in new[] { RepoPaths.Combine("src", "MediaGen.Functions"), RepoPaths.Combine("src", "MediaGen.Api") }
                     .SelectMany(folder => Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            foreach (Match read in DirectRead().Matches(File.ReadAllText(file)))
            {
                Add(settings, Flat(read.Groups["key"].Value), $"read by {Path.GetFileName(file)}");
            }
        }

        return settings.ToDictionary(s => s.Key, s => (IReadOnlyList<string>)s.Value, StringComparer.Ordinal);
    }

    private static void Add(SortedDictionary<string, List<string>> settings, string key, string reader)
    {
        if (!settings.TryGetValue(key, out var readers))
        {
            settings[key] = readers = [];
        }

        if (!readers.Contains(reader))
        {
            readers.Add(reader);
        }
    }

    private static string Flat(string key) => key.Replace(":", "__", StringComparison.Ordinal);

    private static List<Assembly> AppAssemblies()
    {
        var found = new Dictionary<string, Assembly>(StringComparer.Ordinal);
        var pending = new Queue<Assembly>([typeof(FunctionsApplicationBuilderExtensions).Assembly]);
        while (pending.TryDequeue(out var assembly))
        {
            if (found.TryAdd(assembly.GetName().Name!, assembly))
            {
                foreach (var reference in assembly.GetReferencedAssemblies().Where(r => r.Name!.StartsWith("MediaGen.", StringComparison.Ordinal)))
                {
                    pending.Enqueue(Assembly.Load(reference));
                }
            }
        }

        return [.. found.Values];
    }

    [GeneratedRegex("%(?<key>[A-Za-z_][A-Za-z0-9_:]*)%")]
    private static partial Regex Expression();

    // Section:Key reads, and environment-style names (APPLICATIONINSIGHTS_CONNECTION_STRING, OTEL_SERVICE_NAME).
    [GeneratedRegex(@"configuration\[\s*""(?<key>[A-Za-z][A-Za-z0-9]*(?::[A-Za-z][A-Za-z0-9]*)+|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)""\s*\]")]
    private static partial Regex DirectRead();
}
