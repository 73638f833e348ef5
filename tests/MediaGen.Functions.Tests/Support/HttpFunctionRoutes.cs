using System.Reflection;
using System.Text.Json;
using MediaGen.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Azure.Functions.Worker;

namespace MediaGen.Functions.Tests.Support;

/// <summary>
/// The HTTP functions' routing table as the worker's ASP.NET Core integration builds it: each <c>httpTrigger</c> binding
/// of the generated <c>functions.metadata</c> at <c>{routePrefix}/{route}</c> (prefix from host.json, default <c>api</c>)
/// for its methods, matched with ASP.NET Core's route templates.
/// </summary>
internal static class HttpFunctionRoutes
{
    private static readonly Lazy<IReadOnlyList<Route>> LazyRoutes = new(Build);

    /// <summary>The function answering <paramref name="method"/> <paramref name="path"/>, its method and route values; null when none does.</summary>
    public static (string Name, MethodInfo Method, RouteValueDictionary Values)? Match(string method, string path)
    {
        foreach (var route in LazyRoutes.Value)
        {
            var values = new RouteValueDictionary();
            if (route.Methods.Contains(method) && route.Matcher.TryMatch(path, values))
            {
                return (route.Name, route.Method, values);
            }
        }

        return null;
    }

    private static List<Route> Build()
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(RepoPaths.Combine("host.json")));
        var prefix = hostJson.RootElement.TryGetProperty("extensions", out var extensions)
            && extensions.TryGetProperty("http", out var http) && http.TryGetProperty("routePrefix", out var configured)
            ? configured.GetString()! : "api";
        var methods = typeof(FunctionsApplicationBuilderExtensions).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
            .ToDictionary(m => m.GetCustomAttribute<FunctionAttribute>()!.Name);
        var routes = new List<Route>();
        foreach (var (name, function) in FunctionsMetadata.Functions)
        {
            var trigger = function.GetProperty("bindings").EnumerateArray().SingleOrDefault(b => FunctionsMetadata.Text(b, "type") == "httpTrigger");
            if (trigger.ValueKind == JsonValueKind.Undefined)
            {
                continue;
            }

            var template = TemplateParser.Parse($"{prefix}/{FunctionsMetadata.Text(trigger, "route") ?? name}");
            var verbs = trigger.GetProperty("methods").EnumerateArray().Select(v => v.GetString()!).ToHashSet(StringComparer.OrdinalIgnoreCase);
            routes.Add(new Route(name, methods[name], verbs, new TemplateMatcher(template, [])));
        }

        return routes;
    }

    private sealed record Route(string Name, MethodInfo Method, IReadOnlySet<string> Methods, TemplateMatcher Matcher);
}
