using System.Text.Json;

namespace MediaGen.StandInHost.Indexing;

/// <summary>One binding of a function in the app's <c>functions.metadata</c>, as the Functions SDK generated it.</summary>
/// <param name="Name">The binding's name (the worker's parameter, or <c>$return</c>).</param>
/// <param name="Type">The binding type (<c>httpTrigger</c>, <c>queueTrigger</c>, <c>durableClient</c>, …).</param>
/// <param name="Direction"><c>In</c>, <c>Out</c> or <c>InOut</c>.</param>
/// <param name="Raw">The binding's JSON object, for its type's own properties (<c>queueName</c>, <c>route</c>, …).</param>
public sealed record BindingMetadata(string Name, string Type, string Direction, JsonElement Raw)
{
    /// <summary>Whether this binding triggers its function.</summary>
    public bool IsTrigger => Type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the SDK marked the trigger as bindable to an SDK type by reference (<c>properties.supportsDeferredBinding</c>).</summary>
    public bool SupportsDeferredBinding =>
        Raw.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
        && properties.TryGetProperty("supportsDeferredBinding", out var deferred)
        && (deferred.ValueKind == JsonValueKind.True
            || (deferred.ValueKind == JsonValueKind.String && bool.TryParse(deferred.GetString(), out var value) && value));

    /// <summary>A string property of the binding (e.g. <c>queueName</c>), or null.</summary>
    public string? String(string property) =>
        Raw.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A string-array property of the binding (e.g. <c>methods</c>), empty when absent.</summary>
    public IReadOnlyList<string> Strings(string property) =>
        Raw.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
            : [];

    /// <summary>Every string-valued property, for checks over all of them.</summary>
    public IEnumerable<string> StringValues() =>
        Raw.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).Select(p => p.Value.GetString()!);
}
