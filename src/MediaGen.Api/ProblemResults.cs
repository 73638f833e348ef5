namespace MediaGen.Api;

/// <summary>ProblemDetails answers shared by the routes.</summary>
public static class ProblemResults
{
    /// <summary>The rule of a body over its size cap.</summary>
    public const string TooLargeRule = "max_size";

    /// <summary>
    /// A 400 listing every invalid field: <c>errors: [{field, rule, message}]</c>; a 413 with the same <c>errors</c> when
    /// the body as a whole is over its size cap (<see cref="StatusOf"/>).
    /// </summary>
    public static IResult Invalid(IReadOnlyList<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var status = StatusOf(errors);
        return Results.Problem(
            title: TitleOf(status),
            detail: string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")),
            statusCode: status,
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = errors.Select(e => new Dictionary<string, string> { ["field"] = e.Field, ["rule"] = e.Rule, ["message"] = e.Message }).ToList(),
            });
    }

    /// <summary>413 when an error says the body as a whole (<c>$</c>) is over its size cap (rule <c>max_size</c>); 400 otherwise.</summary>
    public static int StatusOf(IReadOnlyList<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Any(e => e is { Field: "$", Rule: TooLargeRule })
            ? StatusCodes.Status413PayloadTooLarge
            : StatusCodes.Status400BadRequest;
    }

    /// <summary>The title of the ProblemDetails of <see cref="StatusOf"/>'s status.</summary>
    public static string TitleOf(int status) =>
        status == StatusCodes.Status413PayloadTooLarge ? "The request body is too large" : "The request is invalid";

    /// <summary>A 400 for one invalid field.</summary>
    public static IResult Invalid(string field, string rule, string message) => Invalid([new ValidationError(field, rule, message)]);

    /// <summary>
    /// The 402 of a job that does not fit its caller's budget: names the budget, the estimate and what remains
    /// (<c>budget</c>, <c>unit</c>, <c>period</c>, <c>limit</c>, <c>reserved</c>, <c>spent</c>, <c>remaining</c>, <c>estimate</c>).
    /// </summary>
    public static IResult BudgetExceeded(BudgetExceededException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var refusal = exception.Refusal;
        return Results.Problem(
            title: "Budget exceeded",
            detail: exception.Message + " Nothing was started or bought.",
            statusCode: StatusCodes.Status402PaymentRequired,
            type: "https://httpstatuses.io/402",
            extensions: new Dictionary<string, object?>
            {
                ["budget"] = refusal.Budget,
                ["caller"] = refusal.Caller,
                ["unit"] = refusal.Unit,
                ["period"] = refusal.Period,
                ["limit"] = refusal.Limit,
                ["reserved"] = refusal.Reserved,
                ["spent"] = refusal.Spent,
                ["remaining"] = refusal.Remaining,
                ["estimate"] = refusal.Estimate,
            });
    }

    /// <summary>A budget refusal as an error entry (queue poison envelopes, inbox records): field <c>$</c>, rule <c>budget</c>.</summary>
    public static ValidationError BudgetError(BudgetRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return new ValidationError("$", "budget", new BudgetExceededException(refusal).Message);
    }

    /// <summary>
    /// The 503 of work that needs secret settings the app does not have (missing, or an unresolved Key Vault reference):
    /// <c>error_type</c> <c>not_configured</c> and <c>settings</c> naming them (never their values). Nothing was done;
    /// retrying helps once the settings resolve.
    /// </summary>
    public static IResult NotConfigured(IReadOnlyList<string> settings, string detail)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Results.Problem(
            title: "Not configured",
            detail: detail,
            statusCode: StatusCodes.Status503ServiceUnavailable,
            extensions: new Dictionary<string, object?>
            {
                ["error_type"] = NotConfiguredException.ErrorType,
                ["settings"] = settings,
            });
    }

    /// <summary>The 503 of <see cref="NotConfigured(IReadOnlyList{string}, string)"/> for <paramref name="exception"/>'s setting.</summary>
    public static IResult NotConfigured(NotConfiguredException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return NotConfigured([exception.Setting], exception.Message);
    }

    /// <summary>A 404 naming what was not found.</summary>
    public static IResult NotFound(string what) =>
        Results.Problem(title: "Not found", detail: what, statusCode: StatusCodes.Status404NotFound);
}
