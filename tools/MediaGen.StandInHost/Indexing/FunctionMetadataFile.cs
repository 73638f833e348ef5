using System.Text.Json;

namespace MediaGen.StandInHost.Indexing;

/// <summary>
/// The app's <c>functions.metadata</c>: the functions the Functions SDK indexed from the worker's code at build time, each
/// with its bindings — what the Functions host's own indexing reads for a .NET isolated app.
/// </summary>
public static class FunctionMetadataFile
{
    /// <summary>The file name in the app folder.</summary>
    public const string FileName = "functions.metadata";

    /// <summary>Reads the functions of the app in <paramref name="appFolder"/>; a missing file or a function without exactly one trigger is an error.</summary>
    public static IReadOnlyList<FunctionMetadata> Read(string appFolder)
    {
        var path = Path.Combine(appFolder, FileName);
        if (!File.Exists(path))
        {
            throw new StandInHostException($"'{path}' does not exist: is '{appFolder}' the output folder of a built Functions app?");
        }

        List<FunctionMetadata> functions;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            functions = [.. document.RootElement.EnumerateArray().Select(Function)];
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new StandInHostException($"'{path}' is not a functions.metadata the Functions SDK writes: {e.Message}", e);
        }

        foreach (var function in functions)
        {
            var triggers = function.Bindings.Count(b => b.IsTrigger);
            if (triggers != 1)
            {
                throw new StandInHostException($"The function '{function.Name}' in '{path}' has {triggers} triggers; a function has exactly one.");
            }
        }

        var duplicate = functions.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new StandInHostException($"'{path}' lists the function '{duplicate.Key}' {duplicate.Count()} times.");
        }

        return functions;
    }

    private static FunctionMetadata Function(JsonElement function) =>
        new(
            function.GetProperty("name").GetString()!,
            [.. function.GetProperty("bindings").EnumerateArray().Select(b => new BindingMetadata(
                b.GetProperty("name").GetString()!,
                b.GetProperty("type").GetString()!,
                b.TryGetProperty("direction", out var direction) ? direction.GetString()! : "In",
                b.Clone()))]);
}
