using Microsoft.AspNetCore.Routing.Template;

namespace MediaGen.StandInHost.Http;

/// <summary>An HTTP function's route: its template under the route prefix and the methods it accepts (none: all).</summary>
/// <param name="FunctionName">The function.</param>
/// <param name="Template">The full route template (e.g. <c>api/jobs/{id}</c>).</param>
/// <param name="Methods">Accepted methods, upper case; empty accepts every method.</param>
/// <param name="Matcher">The template's matcher.</param>
/// <param name="Precedence">ASP.NET Core's inbound precedence (lower matches first: literals before parameters before catch-alls).</param>
public sealed record HttpRoute(string FunctionName, string Template, IReadOnlySet<string> Methods, TemplateMatcher Matcher, decimal Precedence);
