using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp;

namespace MediaGen.StandInHost.Indexing;

/// <summary>
/// C# source for one WebJobs function per function of the app's metadata, named as the Functions host names its generated
/// functions: a method with the function's name on the type <c>Host.Functions</c>, so each function's WebJobs id is
/// <c>Host.Functions.&lt;name&gt;</c> (the id blob receipts are kept under and an Event Grid subscription's
/// <c>functionName</c> names): the trigger and input bindings become the real
/// extensions' attributes on parameters (Durable triggers as strings, as the Functions host binds them for an isolated
/// worker; queue and blob triggers as <c>ParameterBindingData</c> where the SDK marked them for deferred binding; timer
/// triggers as <c>TimerInfo</c>, on the WebJobs timers the Functions host has built in), an HTTP
/// function becomes a <c>[NoAutomaticTrigger]</c> method the front door calls with the request. Every method hands its
/// inputs to <see cref="FunctionBridge"/>. As in the Functions host, each function carries host.json's
/// <c>functionTimeout</c> and is disabled by the app setting <c>AzureWebJobs.&lt;name&gt;.Disabled</c>.
/// </summary>
public static partial class FunctionSource
{
    /// <summary>The namespace of the generated type (the Functions host's).</summary>
    public const string Namespace = "Host";

    /// <summary>The generated type's name (the Functions host's).</summary>
    public const string TypeName = "Functions";

    private const string Durable = "global::Microsoft.Azure.WebJobs.Extensions.DurableTask.";
    private const string WebJobs = "global::Microsoft.Azure.WebJobs.";
    private const string Bridge = "global::MediaGen.StandInHost.Indexing.FunctionBridge";

    /// <summary>The source of the generated type for <paramref name="functions"/>; a binding this host cannot register is an error naming it.</summary>
    public static string Generate(IReadOnlyList<FunctionMetadata> functions, TimeSpan? functionTimeout)
    {
        var source = new StringBuilder();
        source.AppendLine("#nullable enable");
        source.AppendLine(CultureInfo.InvariantCulture, $"namespace {Namespace};");
        source.AppendLine();
        source.AppendLine(CultureInfo.InvariantCulture, $"public sealed class {TypeName}({Bridge} bridge)");
        source.AppendLine("{");
        foreach (var clash in functions.GroupBy(f => MethodName(f.Name), StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            throw new StandInHostException($"The functions {string.Join(" and ", clash.Select(f => $"'{f.Name}'"))} would have the same WebJobs name '{clash.Key}'.");
        }

        foreach (var function in functions)
        {
            Method(source, function, functionTimeout);
        }

        source.AppendLine("}");
        return source.ToString();
    }

    /// <summary>The kind of WebJobs method a function becomes, by its trigger.</summary>
    public static FunctionKind KindOf(FunctionMetadata function) => function.Trigger.Type.ToLowerInvariant() switch
    {
        "orchestrationtrigger" or "entitytrigger" => FunctionKind.DurableString,
        "activitytrigger" => FunctionKind.Activity,
        "httptrigger" => FunctionKind.Http,
        "queuetrigger" or "blobtrigger" or "timertrigger" => FunctionKind.Trigger,
        _ => throw Unsupported(function, function.Trigger),
    };

    /// <summary>
    /// The method a function becomes: its name, with a character C# does not allow in a name (a function name may hold
    /// <c>-</c>) as <c>_</c>; the Functions host, which emits its methods as IL, keeps the name as it is.
    /// </summary>
    public static string MethodName(string functionName)
    {
        ArgumentNullException.ThrowIfNull(functionName);
        var name = new string([.. functionName.Select(c => SyntaxFacts.IsIdentifierPartCharacter(c) ? c : '_')]);
        name = name.Length > 0 && SyntaxFacts.IsIdentifierStartCharacter(name[0]) ? name : "_" + name;
        return SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None ? name : "@" + name;
    }

    private static void Method(StringBuilder source, FunctionMetadata function, TimeSpan? functionTimeout)
    {
        var kind = KindOf(function);
        var parameters = new List<string>();
        var inputs = new List<string>();
        var deferred = function.Trigger.SupportsDeferredBinding && !OtherBindingsUseExpressions(function);
        foreach (var binding in function.Bindings)
        {
            if (Parameter(function, binding, deferred) is not { } parameter)
            {
                continue;
            }

            parameters.Add(parameter);
            if (!string.Equals(binding.Type, "httpTrigger", StringComparison.OrdinalIgnoreCase))
            {
                inputs.Add($"{Bridge}.Input({Literal(binding.Name)}, {Identifier(binding.Name)})");
            }
        }

        parameters.Add($"{WebJobs}Binder __binder");
        parameters.Add($"{WebJobs}ExecutionContext __context");
        parameters.Add("global::System.Threading.CancellationToken __cancellationToken");

        var name = Literal(function.Name);
        source.AppendLine(CultureInfo.InvariantCulture, $"    [{WebJobs}FunctionName({name})]");
        source.AppendLine(CultureInfo.InvariantCulture, $"    [{WebJobs}Disable({Literal($"AzureWebJobs.{function.Name}.Disabled")})]");
        if (functionTimeout is { } timeout)
        {
            source.AppendLine(CultureInfo.InvariantCulture, $"    [{WebJobs}Timeout({Literal(timeout.ToString("c", CultureInfo.InvariantCulture))}, ThrowOnTimeout = true, TimeoutWhileDebugging = true)]");
        }

        if (kind == FunctionKind.Http)
        {
            source.AppendLine(CultureInfo.InvariantCulture, $"    [{WebJobs}NoAutomaticTrigger]");
        }

        var returns = kind switch
        {
            FunctionKind.DurableString => "global::System.Threading.Tasks.Task<string?>",
            FunctionKind.Activity => "global::System.Threading.Tasks.Task<object?>",
            _ => "global::System.Threading.Tasks.Task",
        };
        var call = kind switch
        {
            FunctionKind.DurableString => "DurableStringAsync",
            FunctionKind.Activity => "ActivityAsync",
            FunctionKind.Http => "HttpAsync",
            _ => "TriggerAsync",
        };
        var http = kind == FunctionKind.Http ? Identifier(function.Trigger.Name) + ", " : "";
        source.AppendLine(CultureInfo.InvariantCulture, $"    public {returns} {MethodName(function.Name)}({string.Join(", ", parameters)}) =>");
        source.AppendLine(CultureInfo.InvariantCulture, $"        bridge.{call}({name}, {http}new global::MediaGen.StandInHost.Invocation.NamedValue[] {{ {string.Join(", ", inputs)} }}, __binder, __context, __cancellationToken);");
        source.AppendLine();
    }

    private static string? Parameter(FunctionMetadata function, BindingMetadata binding, bool deferred)
    {
        if (string.Equals(binding.Type, "http", StringComparison.OrdinalIgnoreCase) && binding.Direction.Equals("Out", StringComparison.OrdinalIgnoreCase))
        {
            // The response: the worker writes it through the proxied request.
            return null;
        }

        var name = Identifier(binding.Name);
        switch (binding.Type.ToLowerInvariant())
        {
            case "orchestrationtrigger":
                return $"[{Durable}OrchestrationTrigger] string {name}";
            case "entitytrigger":
                return $"[{Durable}EntityTrigger] string {name}";
            case "activitytrigger":
                return $"[{Durable}ActivityTrigger] string {name}";
            case "durableclient":
                return $"[{Durable}DurableClient{Properties(binding, ("taskHub", "TaskHub"), ("connectionName", "ConnectionName"))}] string {name}";
            case "queuetrigger":
                return $"[{WebJobs}QueueTrigger({Literal(Required(function, binding, "queueName"))}{Named(binding, "connection", "Connection")})] {TriggerType(binding, deferred)} {name}";
            case "blobtrigger":
                var source = binding.String("source") is { Length: > 0 } kind ? $", Source = {WebJobs}BlobTriggerSource.{BlobSource(function, kind)}" : "";
                return $"[{WebJobs}BlobTrigger({Literal(Required(function, binding, "path"))}{Named(binding, "connection", "Connection")}{source})] {TriggerType(binding, deferred)} {name}";
            case "httptrigger":
                return $"global::Microsoft.AspNetCore.Http.HttpContext {name}";
            case "timertrigger":
                return $"[{WebJobs}TimerTrigger({Literal(Required(function, binding, "schedule"))}{Flag(binding, "runOnStartup", "RunOnStartup")}{Flag(binding, "useMonitor", "UseMonitor")})] {WebJobs}TimerInfo {name}";
            default:
                throw Unsupported(function, binding);
        }
    }

    private static string TriggerType(BindingMetadata binding, bool deferred) =>
        deferred ? $"{WebJobs}ParameterBindingData"
        : string.Equals(binding.String("dataType"), "binary", StringComparison.OrdinalIgnoreCase) ? "byte[]"
        : "string";

    /// <summary>As the Functions host: an input or output binding with a <c>{…}</c> expression turns deferred binding off.</summary>
    private static bool OtherBindingsUseExpressions(FunctionMetadata function) =>
        function.Bindings.Where(b => !b.IsTrigger).SelectMany(b => b.StringValues()).Any(v => Expression().IsMatch(v));

    private static string BlobSource(FunctionMetadata function, string kind) => kind switch
    {
        _ when kind.Equals("EventGrid", StringComparison.OrdinalIgnoreCase) => "EventGrid",
        _ when kind.Equals("LogsAndContainerScan", StringComparison.OrdinalIgnoreCase) => "LogsAndContainerScan",
        _ => throw new StandInHostException($"The blob trigger of '{function.Name}' has the source '{kind}'; the Storage extension knows EventGrid and LogsAndContainerScan."),
    };

    private static string Properties(BindingMetadata binding, params (string Json, string Property)[] properties)
    {
        var named = properties
            .Where(p => binding.String(p.Json) is { Length: > 0 })
            .Select(p => $"{p.Property} = {Literal(binding.String(p.Json)!)}")
            .ToList();
        return named.Count == 0 ? "" : $"({string.Join(", ", named)})";
    }

    private static string Named(BindingMetadata binding, string json, string property) =>
        binding.String(json) is { Length: > 0 } value ? $", {property} = {Literal(value)}" : "";

    /// <summary>A named bool property when the binding sets it (as a JSON bool or its text).</summary>
    private static string Flag(BindingMetadata binding, string json, string property)
    {
        if (!binding.Raw.TryGetProperty(json, out var value))
        {
            return "";
        }

        bool? flag = value.ValueKind switch
        {
            System.Text.Json.JsonValueKind.True => true,
            System.Text.Json.JsonValueKind.False => false,
            System.Text.Json.JsonValueKind.String when bool.TryParse(value.GetString(), out var parsed) => parsed,
            _ => null,
        };
        return flag is { } set ? $", {property} = {(set ? "true" : "false")}" : "";
    }

    private static string Required(FunctionMetadata function, BindingMetadata binding, string property) =>
        binding.String(property) is { Length: > 0 } value
            ? value
            : throw new StandInHostException($"The {binding.Type} binding '{binding.Name}' of '{function.Name}' has no '{property}'.");

    private static StandInHostException Unsupported(FunctionMetadata function, BindingMetadata binding) =>
        new($"The function '{function.Name}' has a '{binding.Type}' binding ('{binding.Name}', {binding.Direction}), which this stand-in host does not register; it runs Durable (orchestration, entity, activity, client), queue, blob, timer and HTTP bindings.");

    private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    private static string Identifier(string name)
    {
        if (!SyntaxFacts.IsValidIdentifier(name))
        {
            throw new StandInHostException($"The binding name '{name}' is not an identifier this host can give a parameter.");
        }

        return SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None ? name : "@" + name;
    }

    [GeneratedRegex(@"\{.*?\}")]
    private static partial Regex Expression();
}
