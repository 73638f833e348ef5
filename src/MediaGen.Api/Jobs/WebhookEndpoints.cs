using MediaGen.Workflows.Pixazo;

namespace MediaGen.Api.Jobs;

/// <summary>
/// <c>POST /api/webhooks/pixazo/{id}?secret=…</c>: Pixazo's status callback for a job. No API key — the per-job secret
/// in the URL, checked by the job service in constant time before the body is read, is the credential. A wrong secret
/// (401) or unknown job (404) changes nothing; a duplicate or late webhook is accepted and changes nothing either.
/// </summary>
public static class WebhookEndpoints
{
    /// <summary>Maps the route (outside the API-key group).</summary>
    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/" + PixazoWebhooks.RouteTemplate.Replace("{jobId}", "{id}", StringComparison.Ordinal), ReceiveAsync)
            .WithName("ReceivePixazoWebhook")
            .WithTags("Webhooks")
            .WithSummary("Pixazo webhook receiver (authenticated by the per-job secret in the URL, not the API key)")
            .WithMetadata(new DocumentedRequestBody(typeof(PixazoWebhookBody))) // documented, not enforced: any content type is read
            .Produces<WebhookReceipt>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            // Storage unavailable: answered with Retry-After, so Pixazo sends the webhook again.
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    /// <summary><c>POST /api/webhooks/pixazo/{id}</c>: delivers a Pixazo webhook to its job.</summary>
    public static async Task<IResult> ReceiveAsync(string id, HttpContext httpContext, RequestBody body, PixazoWebhookReceiver webhooks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(webhooks);

        // A secret given twice is no secret: which one would count is a parser's guess.
        var secret = httpContext.Request.Query[PixazoWebhooks.SecretParameter] is { Count: 1 } given ? given[0] : null;

        // The secret first: whoever does not hold it gets nothing read, not even the body.
        if (!webhooks.IsSecretValid(id, secret))
        {
            return InvalidSecret();
        }

        ReadOnlyMemory<byte> json;
        IReadOnlyList<ValidationError>? unreadable = null;
        try
        {
            json = await body.ReadAnyAsync(httpContext.Request, cancellationToken);
        }
        catch (RequestValidationException ex)
        {
            // Let the service check the secret and the job first; an unreadable body is then an invalid payload.
            json = ReadOnlyMemory<byte>.Empty;
            unreadable = ex.Errors;
        }

        return await webhooks.ReceiveAsync(id, secret, json, cancellationToken) switch
        {
            PixazoWebhookResult.Accepted => TypedResults.Ok(new WebhookReceipt(id, "accepted")),
            PixazoWebhookResult.InvalidSecret => InvalidSecret(),
            PixazoWebhookResult.UnknownJob => ProblemResults.NotFound($"No Pixazo job has the id '{id}'."),
            _ => ProblemResults.Invalid(unreadable ?? PixazoWebhookPayload.Problems(json)),
        };
    }

    private static IResult InvalidSecret() =>
        Results.Problem(title: "Unauthorized", detail: "The webhook secret is not valid for this job.", statusCode: StatusCodes.Status401Unauthorized);
}
