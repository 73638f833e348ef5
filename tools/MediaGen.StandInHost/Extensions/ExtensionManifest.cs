using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using Microsoft.Azure.WebJobs.Hosting;

namespace MediaGen.StandInHost.Extensions;

/// <summary>
/// The host-side extensions the Functions SDK generated for the app: <c>extensions.json</c> in the app folder names each
/// extension's <c>IWebJobsStartup</c> type and its assembly under <c>.azurefunctions</c>. As in the Functions host, an
/// assembly the host itself carries (the WebJobs SDK, ASP.NET Core, gRPC) comes from the host; every other one an
/// extension needs is resolved from the app's <c>.azurefunctions</c> folder.
/// </summary>
public sealed class ExtensionManifest
{
    /// <summary>The Functions host's own indexing of <c>functions.metadata</c> (it needs the host's <c>Microsoft.Azure.WebJobs.Script.Abstractions</c>); this host indexes the app itself.</summary>
    public const string FunctionMetadataLoaderAssembly = "Microsoft.Azure.WebJobs.Extensions.FunctionMetadataLoader";

    private static readonly object ResolverLock = new();
    private static readonly HashSet<string> ProbedFolders = new(StringComparer.Ordinal);

    private ExtensionManifest(string appFolder, IReadOnlyList<ExtensionReference> references)
    {
        AppFolder = appFolder;
        References = references;
    }

    /// <summary>The app's output folder.</summary>
    public string AppFolder { get; }

    /// <summary>The folder the SDK put the host-side extension assemblies in.</summary>
    public string ExtensionsFolder => Path.Combine(AppFolder, ".azurefunctions");

    /// <summary>Every extension <c>extensions.json</c> lists.</summary>
    public IReadOnlyList<ExtensionReference> References { get; }

    /// <summary>Reads <c>extensions.json</c> from <paramref name="appFolder"/>.</summary>
    public static ExtensionManifest Read(string appFolder)
    {
        var path = Path.Combine(appFolder, "extensions.json");
        if (!File.Exists(path))
        {
            throw new StandInHostException($"'{path}' does not exist: is '{appFolder}' the output folder of a built Functions app (bin/<configuration>/net10.0)?");
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var references = document.RootElement.GetProperty("extensions").EnumerateArray()
                .Select(e => new ExtensionReference(
                    e.GetProperty("name").GetString()!,
                    e.GetProperty("typeName").GetString()!,
                    e.GetProperty("hintPath").GetString()!))
                .ToList();
            return new ExtensionManifest(Path.GetFullPath(appFolder), references);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new StandInHostException($"'{path}' is not an extensions.json the Functions SDK writes: {e.Message}", e);
        }
    }

    /// <summary>
    /// Loads each extension's startup type (all but <see cref="FunctionMetadataLoaderAssembly"/>, whose job this host does),
    /// after making the app's extension folder the place the default load context falls back to. A type that cannot be
    /// loaded is an error naming the extension and the loader's own message.
    /// </summary>
    public IReadOnlyList<LoadedExtension> LoadStartupTypes()
    {
        ResolveFrom(ExtensionsFolder);
        var loaded = new List<LoadedExtension>();
        foreach (var reference in References)
        {
            var assemblyName = new AssemblyName(reference.TypeName[(reference.TypeName.IndexOf(',', StringComparison.Ordinal) + 1)..].Trim());
            if (string.Equals(assemblyName.Name, FunctionMetadataLoaderAssembly, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            Type startup;
            try
            {
                var assembly = LoadAssembly(reference);
                var typeName = reference.TypeName[..reference.TypeName.IndexOf(',', StringComparison.Ordinal)].Trim();
                startup = assembly.GetType(typeName, throwOnError: true)!;
            }
            catch (Exception e) when (e is IOException or BadImageFormatException or TypeLoadException or FileLoadException)
            {
                throw new StandInHostException($"The extension '{reference.Name}' ({reference.TypeName}) could not be loaded: {e.Message}", e);
            }

            if (!typeof(IWebJobsStartup).IsAssignableFrom(startup))
            {
                throw new StandInHostException($"The extension '{reference.Name}' names {startup.FullName}, which is not an IWebJobsStartup.");
            }

            loaded.Add(new LoadedExtension(reference.Name, startup, VersionOf(startup.Assembly)));
        }

        return loaded;
    }

    private Assembly LoadAssembly(ExtensionReference reference)
    {
        var path = Path.GetFullPath(Path.Combine(AppFolder, reference.HintPath));
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"'{path}' (the hint path in extensions.json) does not exist.", path);
        }

        var name = AssemblyName.GetAssemblyName(path);
        var already = AssemblyLoadContext.Default.Assemblies.FirstOrDefault(a => AssemblyName.ReferenceMatchesDefinition(a.GetName(), name));
        return already ?? AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
    }

    private static string VersionOf(Assembly assembly)
    {
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return informational is null ? assembly.GetName().Version?.ToString() ?? "?" : informational.Split('+')[0];
    }

    private static void ResolveFrom(string folder)
    {
        lock (ResolverLock)
        {
            if (!ProbedFolders.Add(folder))
            {
                return;
            }
        }

        // Called only when the host's own assemblies (its deps.json and the shared frameworks) do not have the name.
        AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            var candidate = Path.Combine(folder, name.Name + ".dll");
            return File.Exists(candidate) ? context.LoadFromAssemblyPath(candidate) : null;
        };
    }
}
