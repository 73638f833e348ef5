using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;

namespace MediaGen.StandInHost.Http;

/// <summary>
/// The HTTP functions' routes as the Functions host serves them: each <c>httpTrigger</c>'s <c>route</c> (the function's
/// name when it has none) under host.json's <c>extensions.http.routePrefix</c> (default <c>api</c>), matched with ASP.NET
/// Core's route templates in ASP.NET Core's precedence, and the trigger's <c>methods</c>.
/// </summary>
public sealed class HttpRouteTable
{
    /// <summary>The Functions host's default route prefix.</summary>
    public const string DefaultRoutePrefix = "api";

    private readonly IReadOnlyList<HttpRoute> _routes;

    private HttpRouteTable(string routePrefix, IReadOnlyList<HttpRoute> routes)
    {
        RoutePrefix = routePrefix;
        _routes = routes;
    }

    /// <summary>The prefix every route is under (may be empty).</summary>
    public string RoutePrefix { get; }

    /// <summary>Every route, in matching order.</summary>
    public IReadOnlyList<HttpRoute> Routes => _routes;

    /// <summary>The routes of the HTTP functions among <paramref name="functions"/>; a template ASP.NET Core cannot parse is an error naming the function.</summary>
    public static HttpRouteTable Create(IEnumerable<FunctionMetadata> functions, string? routePrefix)
    {
        var prefix = (routePrefix ?? DefaultRoutePrefix).Trim('/');
        var routes = new List<HttpRoute>();
        foreach (var function in functions.Where(f => string.Equals(f.Trigger.Type, "httpTrigger", StringComparison.OrdinalIgnoreCase)))
        {
            var route = (function.Trigger.String("route") is { Length: > 0 } r ? r : function.Name).Trim('/');
            var template = prefix.Length == 0 ? route : prefix + "/" + route;
            RouteTemplate parsed;
            try
            {
                parsed = TemplateParser.Parse(template);
            }
            catch (ArgumentException e)
            {
                throw new StandInHostException($"The route '{route}' of the HTTP function '{function.Name}' is not a route template: {e.Message}", e);
            }

            var methods = function.Trigger.Strings("methods").Select(m => m.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
            routes.Add(new HttpRoute(function.Name, template, methods, new TemplateMatcher(parsed, Defaults(parsed)), RoutePrecedence.ComputeInbound(parsed)));
        }

        return new HttpRouteTable(prefix, [.. routes.OrderBy(r => r.Precedence).ThenBy(r => r.Template, StringComparer.OrdinalIgnoreCase)]);
    }

    /// <summary>The function serving <paramref name="method"/> <paramref name="path"/> and its route values, or null when none does.</summary>
    public (HttpRoute Route, RouteValueDictionary Values)? Match(string method, PathString path)
    {
        foreach (var route in _routes)
        {
            if (route.Methods.Count > 0 && !route.Methods.Contains(method.ToUpperInvariant()))
            {
                continue;
            }

            var values = new RouteValueDictionary();
            if (route.Matcher.TryMatch(path, values))
            {
                return (route, values);
            }
        }

        return null;
    }

    private static RouteValueDictionary Defaults(RouteTemplate template)
    {
        var defaults = new RouteValueDictionary();
        foreach (var parameter in template.Parameters.Where(p => p.DefaultValue is not null))
        {
            defaults[parameter.Name!] = parameter.DefaultValue;
        }

        return defaults;
    }
}
