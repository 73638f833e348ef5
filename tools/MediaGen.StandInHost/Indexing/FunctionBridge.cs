using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ExecutionContext = Microsoft.Azure.WebJobs.ExecutionContext;

namespace MediaGen.StandInHost.Indexing;

/// <summary>
/// What every generated WebJobs function calls: it turns what the real triggers and bindings gave the function into a
/// <see cref="FunctionInvocation"/>, runs it in the worker through <see cref="IWorkerInvoker"/>, and hands the worker's answer
/// back in the shape the triggering extension expects (an orchestrator's base64 response as a string, an activity's result
/// as the Functions host converts a worker's return value), throwing when the worker reported a failure.
/// </summary>
public sealed class FunctionBridge(IWorkerInvoker worker)
{
    private static readonly JsonSerializerSettings ReturnValueSettings = new() { DateParseHandling = DateParseHandling.None };

    /// <summary>A text input (a Durable trigger's payload, a <c>[DurableClient]</c> binding's JSON, a string trigger value).</summary>
    public static NamedValue Input(string name, string? value) => new(name, new BindingValue.Text(value ?? ""));

    /// <summary>A bytes input (a trigger bound as <c>binary</c>).</summary>
    public static NamedValue Input(string name, byte[]? value) => new(name, new BindingValue.Bytes(value ?? []));

    /// <summary>A deferred (SDK-type) binding's reference, as the Functions host sends it (<c>model_binding_data</c>).</summary>
    public static NamedValue Input(string name, ParameterBindingData value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(name, new BindingValue.ModelBindingData(value.Version, value.Source, value.ContentType, value.Content.ToMemory()));
    }

    /// <summary>
    /// A timer trigger's tick, as the Functions host sends it: JSON with <c>Schedule</c>, <c>ScheduleStatus</c> (last, next,
    /// last updated) and <c>IsPastDue</c>, which the worker's <c>TimerInfo</c> converter reads.
    /// </summary>
    public static NamedValue Input(string name, TimerInfo value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var tick = new JObject
        {
            ["Schedule"] = new JObject { ["AdjustForDST"] = true },
            ["ScheduleStatus"] = value.ScheduleStatus is { } status
                ? new JObject { ["Last"] = status.Last, ["Next"] = status.Next, ["LastUpdated"] = status.LastUpdated }
                : JValue.CreateNull(),
            ["IsPastDue"] = value.IsPastDue,
        };
        return new(name, new BindingValue.Json(tick.ToString(Formatting.None)));
    }

    /// <summary>Runs an orchestrator or entity function: its return value is the worker's base64 response for the Durable extension.</summary>
    public async Task<string?> DurableStringAsync(string function, IReadOnlyList<NamedValue> inputs, Binder binder, ExecutionContext context, CancellationToken cancellationToken)
    {
        var outcome = await InvokeAsync(function, inputs, binder, context, http: null, cancellationToken);
        return outcome.ReturnValue switch
        {
            null => null,
            BindingValue.Text text => text.Value,
            BindingValue.Json json => json.Value,
            var other => throw new WorkerFunctionException($"Result: Failure\nException: The orchestrator function '{function}' returned {other.GetType().Name}, not the base64 response the Durable extension reads.\nStack: "),
        };
    }

    /// <summary>Runs an activity function: its result converted as the Functions host converts a worker's return value (JSON becomes a JSON token).</summary>
    public async Task<object?> ActivityAsync(string function, IReadOnlyList<NamedValue> inputs, Binder binder, ExecutionContext context, CancellationToken cancellationToken)
    {
        var outcome = await InvokeAsync(function, inputs, binder, context, http: null, cancellationToken);
        return outcome.ReturnValue switch
        {
            null => null,
            BindingValue.Text text => text.Value,
            BindingValue.Json json => JsonConvert.DeserializeObject(json.Value, ReturnValueSettings),
            BindingValue.Bytes bytes => bytes.Value.ToArray(),
            var other => throw new WorkerFunctionException($"Result: Failure\nException: The activity function '{function}' returned {other.GetType().Name}.\nStack: "),
        };
    }

    /// <summary>Runs a function whose result is only success or failure (queue and blob triggers).</summary>
    public Task TriggerAsync(string function, IReadOnlyList<NamedValue> inputs, Binder binder, ExecutionContext context, CancellationToken cancellationToken) =>
        InvokeAsync(function, inputs, binder, context, http: null, cancellationToken);

    /// <summary>Runs an HTTP function: the worker side proxies <paramref name="http"/> to the worker and writes its response.</summary>
    public Task HttpAsync(string function, HttpContext http, IReadOnlyList<NamedValue> inputs, Binder binder, ExecutionContext context, CancellationToken cancellationToken) =>
        InvokeAsync(function, inputs, binder, context, http, cancellationToken);

    private async Task<InvocationOutcome> InvokeAsync(
        string function, IReadOnlyList<NamedValue> inputs, Binder binder, ExecutionContext context, HttpContext? http, CancellationToken cancellationToken)
    {
        var metadata = TriggerMetadata(binder.BindingData, inputs, http);
        var invocation = new FunctionInvocation(function, context.InvocationId.ToString(), inputs, metadata, http);
        var outcome = await worker.InvokeAsync(invocation, cancellationToken);
        if (!outcome.Succeeded)
        {
            throw new WorkerFunctionException(outcome.Failure ?? $"Result: Failure\nException: The function '{function}' failed without a message.\nStack: ");
        }

        return outcome;
    }

    /// <summary>
    /// The binding data of the invocation as the Functions host sends it with the trigger (<c>trigger_metadata</c>): every
    /// value converted as the host converts one, less the inputs themselves (sent as inputs) and the HTTP request (proxied);
    /// an HTTP function's route values are added.
    /// </summary>
    private static Dictionary<string, BindingValue> TriggerMetadata(IReadOnlyDictionary<string, object> bindingData, IReadOnlyList<NamedValue> inputs, HttpContext? http)
    {
        var metadata = new Dictionary<string, BindingValue>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in bindingData)
        {
            if (name.StartsWith('$') || string.Equals(name, "sys", StringComparison.OrdinalIgnoreCase) || inputs.Any(i => string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            if (Convert(value) is { } converted)
            {
                metadata[name] = converted;
            }
        }

        if (http is not null)
        {
            foreach (var (name, value) in http.Request.RouteValues)
            {
                if (value?.ToString() is { } text)
                {
                    metadata[name] = new BindingValue.Text(text);
                }
            }
        }

        return metadata;
    }

    private static BindingValue? Convert(object? value) => value switch
    {
        null or HttpContext or HttpRequest or CancellationToken => null,
        string text => new BindingValue.Text(text),
        byte[] bytes => new BindingValue.Bytes(bytes),
        ParameterBindingData data => new BindingValue.ModelBindingData(data.Version, data.Source, data.ContentType, data.Content.ToMemory()),
        JToken token => new BindingValue.Json(token.ToString(Formatting.None)),
        _ => Serialized(value),
    };

    private static BindingValue Serialized(object value)
    {
        try
        {
            return new BindingValue.Json(JsonConvert.SerializeObject(value, Formatting.None));
        }
        catch (JsonException)
        {
            // As the Functions host does for a value JSON cannot write.
            return new BindingValue.Text(value.ToString() ?? "");
        }
    }
}
