using System.Text.Json;

namespace MediaGen.StandInHost.Worker;

/// <summary>
/// The app's functions as the host indexes them: from the worker's <c>FunctionMetadataResponse</c> (worker indexing), or
/// from <c>functions.metadata</c> when the worker leaves indexing to the host; and the <c>FunctionLoadRequest</c> the host
/// sends for each (bindings described by type, direction and data type, parsed from the raw bindings as the host does).
/// </summary>
internal static class FunctionIndex
{
    /// <summary>The metadata file the Functions SDK writes into the app's output.</summary>
    public const string MetadataFileName = "functions.metadata";

    /// <summary>The functions in the worker's answer.</summary>
    /// <exception cref="InvalidOperationException">The worker failed to index, or to index a function, or a function declares what this host does not run.</exception>
    public static IReadOnlyList<WorkerFunctionMetadata> FromWorker(FunctionMetadataResponse response)
    {
        if (response.Result is { Status: StatusResult.Types.Status.Failure } failed)
        {
            throw new InvalidOperationException("The worker failed to index the app's functions: " + WorkerFailure.Describe(failed));
        }

        var failures = response.FunctionMetadataResults
            .Where(f => f.Status is { Status: StatusResult.Types.Status.Failure })
            .Select(f => $"{f.Name}: {WorkerFailure.Describe(f.Status)}")
            .ToList();
        if (failures.Count > 0)
        {
            throw new InvalidOperationException("The worker failed to index functions: " + string.Join("; ", failures));
        }

        return response.FunctionMetadataResults.Select(f =>
        {
            if (f.RetryOptions is not null)
            {
                throw new NotSupportedException($"Function {f.Name} declares a retry policy; the stand-in host does not apply retry policies.");
            }

            return new WorkerFunctionMetadata(
                f.Name,
                string.IsNullOrEmpty(f.FunctionId) ? Guid.NewGuid().ToString() : f.FunctionId,
                f.ScriptFile,
                f.EntryPoint,
                f.Directory,
                [.. f.RawBindings],
                f.Properties.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
        }).ToList();
    }

    /// <summary>The functions in <see cref="MetadataFileName"/> in <paramref name="appDirectory"/>, each with a new id.</summary>
    public static IReadOnlyList<WorkerFunctionMetadata> FromFile(string appDirectory)
    {
        var path = Path.Combine(appDirectory, MetadataFileName);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray().Select(function =>
        {
            if (function.TryGetProperty("retry", out var retry) && retry.ValueKind == JsonValueKind.Object)
            {
                throw new NotSupportedException($"Function {Text(function, "name")} declares a retry policy; the stand-in host does not apply retry policies.");
            }

            return new WorkerFunctionMetadata(
                Text(function, "name"),
                Guid.NewGuid().ToString(),
                Text(function, "scriptFile"),
                Text(function, "entryPoint"),
                "",
                [.. function.GetProperty("bindings").EnumerateArray().Select(b => b.GetRawText())],
                function.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
                    ? properties.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString(), StringComparer.Ordinal)
                    : new Dictionary<string, string>(StringComparer.Ordinal));
        }).ToList();
    }

    /// <summary>The load request for <paramref name="function"/>.</summary>
    public static FunctionLoadRequest LoadRequest(WorkerFunctionMetadata function)
    {
        var metadata = new RpcFunctionMetadata
        {
            Name = function.Name,
            Directory = function.Directory,
            ScriptFile = function.ScriptFile,
            EntryPoint = function.EntryPoint,
            IsProxy = false,
        };
        foreach (var raw in function.RawBindings)
        {
            using var binding = JsonDocument.Parse(raw);
            var (name, info) = Binding(function.Name, binding.RootElement);
            metadata.Bindings.Add(name, info);
        }

        foreach (var (key, value) in function.Properties)
        {
            metadata.Properties.Add(key, value);
        }

        return new FunctionLoadRequest { FunctionId = function.FunctionId, Metadata = metadata };
    }

    private static (string Name, BindingInfo Info) Binding(string function, JsonElement binding)
    {
        var name = Text(binding, "name");
        var type = Text(binding, "type");
        if (name.Length == 0 || type.Length == 0 || !Enum.TryParse<BindingInfo.Types.Direction>(Text(binding, "direction"), ignoreCase: true, out var direction))
        {
            throw new InvalidOperationException($"Function {function} has a binding without a name, type or direction: {binding.GetRawText()}");
        }

        var info = new BindingInfo { Type = type, Direction = direction };
        var dataType = Text(binding, "dataType");
        if (dataType.Length > 0)
        {
            info.DataType = Enum.TryParse<BindingInfo.Types.DataType>(dataType, ignoreCase: true, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"Function {function}'s binding {name} has an unknown dataType '{dataType}'.");
        }

        return (name, info);
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}
