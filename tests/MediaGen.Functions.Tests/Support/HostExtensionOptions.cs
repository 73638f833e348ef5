using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace MediaGen.Functions.Tests.Support;

/// <summary>
/// The public settable properties of the Functions host extensions' option types — the names host.json sections bind to —
/// read from the exact host-side packages the Worker SDK restored for this app (its generated WorkerExtensions project's
/// <c>project.assets.json</c>), without loading them.
/// </summary>
internal static class HostExtensionOptions
{
    private static readonly Lazy<JsonElement> Assets = new(() =>
    {
        using var document = JsonDocument.Parse(File.ReadAllText(AssetsFile()));
        return document.RootElement.Clone();
    });

    /// <summary>Property names (case-insensitive) of the type named <paramref name="typeName"/> in package <paramref name="packageId"/>.</summary>
    public static IReadOnlySet<string> PropertiesOf(string packageId, string typeName)
    {
        using var pe = new PEReader(File.OpenRead(AssemblyPath(packageId)));
        var reader = pe.GetMetadataReader();
        var type = reader.TypeDefinitions.Select(reader.GetTypeDefinition).Single(t => reader.GetString(t.Name) == typeName);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var handle in type.GetProperties())
        {
            var property = reader.GetPropertyDefinition(handle);
            var setter = property.GetAccessors().Setter;
            if (!setter.IsNil && (reader.GetMethodDefinition(setter).Attributes & MethodAttributes.MemberAccessMask) == MethodAttributes.Public)
            {
                names.Add(reader.GetString(property.Name));
            }
        }

        return names;
    }

    /// <summary>The version of <paramref name="packageId"/> the app's host-side extensions resolve to.</summary>
    public static string VersionOf(string packageId) => LibraryName(packageId).Split('/')[1];

    private static string AssemblyPath(string packageId)
    {
        var name = LibraryName(packageId);
        var library = Assets.Value.GetProperty("libraries").EnumerateObject().Single(l => l.Name == name);
        var target = Assets.Value.GetProperty("targets").EnumerateObject().First().Value.GetProperty(library.Name);
        var dll = target.GetProperty("runtime").EnumerateObject().Select(r => r.Name)
            .Single(n => n.EndsWith(packageId + ".dll", StringComparison.OrdinalIgnoreCase));
        var folder = Assets.Value.GetProperty("packageFolders").EnumerateObject().First().Name;
        return Path.Combine(folder, library.Value.GetProperty("path").GetString()!, dll);
    }

    private static string LibraryName(string packageId) =>
        Assets.Value.GetProperty("libraries").EnumerateObject()
            .Single(l => l.Name.StartsWith(packageId + "/", StringComparison.OrdinalIgnoreCase)).Name;

    private static string AssetsFile()
    {
        var configuration = typeof(HostExtensionOptions).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        return RepoPaths.Combine("src", "MediaGen.Functions", "obj", configuration, "net10.0", "WorkerExtensions", "obj", "project.assets.json");
    }
}
