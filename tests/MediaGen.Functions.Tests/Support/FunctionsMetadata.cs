namespace MediaGen.Functions.Tests.Support;

/// <summary>The <c>functions.metadata</c> the Worker SDK generated into the Functions app's build output.</summary>
internal static class FunctionsMetadata
{
    private static readonly Lazy<IReadOnlyDictionary<string, JsonElement>> LazyFunctions = new(Read);

    /// <summary>Each function's metadata by function name.</summary>
    public static IReadOnlyDictionary<string, JsonElement> Functions => LazyFunctions.Value;

    /// <summary>A function's bindings.</summary>
    public static IEnumerable<JsonElement> BindingsOf(string function) => Functions[function].GetProperty("bindings").EnumerateArray();

    /// <summary>A string property of a metadata element, or null.</summary>
    public static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Dictionary<string, JsonElement> Read()
    {
        var configuration = typeof(FunctionsMetadata).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var file = RepoPaths.Combine("src", "MediaGen.Functions", "bin", configuration, "net10.0", "functions.metadata");
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        return document.RootElement.EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.Clone());
    }
}
