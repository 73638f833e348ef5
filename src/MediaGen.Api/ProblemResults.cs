using MediaGen.Core.Providers.Validation;

namespace MediaGen.Api;

/// <summary>ProblemDetails answers shared by the routes.</summary>
public static class ProblemResults
{
    /// <summary>A 400 listing every invalid field: <c>errors: [{field, rule, message}]</c>.</summary>
    public static IResult Invalid(IReadOnlyList<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return Results.Problem(
            title: "The request is invalid",
            detail: string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")),
            statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = errors.Select(e => new Dictionary<string, string> { ["field"] = e.Field, ["rule"] = e.Rule, ["message"] = e.Message }).ToList(),
            });
    }

    /// <summary>A 400 for one invalid field.</summary>
    public static IResult Invalid(string field, string rule, string message) => Invalid([new ValidationError(field, rule, message)]);

    /// <summary>A 404 naming what was not found.</summary>
    public static IResult NotFound(string what) =>
        Results.Problem(title: "Not found", detail: what, statusCode: StatusCodes.Status404NotFound);
}
