using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MediaGen.StandInHost.Indexing;

/// <summary>
/// Compiles <see cref="FunctionSource"/> with Roslyn against the host's own assemblies and the app's host-side extension
/// assemblies (the ones the host does not carry itself), and loads the result into the default load context, where the
/// extensions already are.
/// </summary>
public static class FunctionCompiler
{
    /// <summary>The generated functions' type, compiled from <paramref name="source"/>; a compile error is an error quoting the compiler.</summary>
    public static Type Compile(string source, string extensionsFolder)
    {
        var compilation = CSharpCompilation.Create(
            "MediaGen.StandInHost.Generated." + Guid.NewGuid().ToString("N"),
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            References(extensionsFolder),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10).Select(d => d.ToString());
            throw new StandInHostException("The functions generated from functions.metadata do not compile:\n" + string.Join("\n", errors));
        }

        image.Position = 0;
        var assembly = AssemblyLoadContext.Default.LoadFromStream(image);
        return assembly.GetType($"{FunctionSource.Namespace}.{FunctionSource.TypeName}", throwOnError: true)!;
    }

    private static List<MetadataReference> References(string extensionsFolder)
    {
        var host = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var hostNames = host.Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var loaded = AssemblyLoadContext.Default.Assemblies
            .Where(a => !a.IsDynamic && a.Location.Length > 0)
            .Select(a => a.Location);
        var extensions = Directory.EnumerateFiles(extensionsFolder, "*.dll")
            .Where(path => !hostNames.Contains(Path.GetFileNameWithoutExtension(path)));
        return [.. host.Concat(loaded).Concat(extensions)
            .DistinctBy(path => Path.GetFileNameWithoutExtension(path), StringComparer.OrdinalIgnoreCase)
            .Where(IsManaged)
            .Select(path => MetadataReference.CreateFromFile(path))];
    }

    private static bool IsManaged(string path)
    {
        try
        {
            System.Reflection.AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
