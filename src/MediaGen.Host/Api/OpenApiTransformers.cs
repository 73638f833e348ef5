using MediaGen.Api.Jobs;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MediaGen.Host.Api;

/// <summary>Adds the API key scheme (Functions-style <c>x-functions-key</c> header or <c>code</c> query) and marks the routes that need it.</summary>
public sealed class OpenApiTransformers : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    /// <summary>Name of the header scheme in the document.</summary>
    public const string HeaderScheme = "functionsKey";

    /// <summary>Name of the query scheme in the document.</summary>
    public const string QueryScheme = "code";

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Health"] = "Liveness and readiness, without a key: for load balancers and orchestrators.",
        ["Webhooks"] = "Pixazo's completion webhooks; each URL carries its job's own secret, so no API key.",
        ["Jobs"] = "One generation: start (idempotent with Idempotency-Key), read, list, cancel, re-run, purge.",
        ["Batches"] = "Many jobs started as one request, read as one state with item counts.",
        ["Chains"] = "A video extended segment by segment, each segment a job of its own.",
        ["Budgets"] = "The calling caller's budgets: what is spent and reserved in each period.",
        ["Text"] = "Cosmic text passed through as server-sent events; not durable.",
    };

    /// <inheritdoc />
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info.Title = "MediaGen API";
        document.Info.Description = "Start media generation jobs, batches and video extension chains; read, list and cancel them; "
            + "receive Pixazo webhooks; stream Cosmic text. Every route but health and webhooks needs the API key. "
            + "Each key is a caller, and every job, batch and chain belongs to the caller that started it: a caller reads, lists, "
            + "cancels, re-runs and purges its own only (another caller's answers 404, as an id that does not exist), and its "
            + "idempotency keys name its own jobs; operators (Api__AdminCallers) see and act on every caller's. Queue and inbox "
            + "jobs belong to Api__IntakeCaller. A job's caller is its 'caller' field.";
        foreach (var tag in document.Tags ?? Enumerable.Empty<OpenApiTag>())
        {
            tag.Description ??= tag.Name is { } name && TagDescriptions.TryGetValue(name, out var description) ? description : null;
        }

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[HeaderScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = ApiKeyCheck.HeaderName,
            Description = "An API key (Api__Key, or a caller's Api__Keys__<caller>), as Azure Functions keys travel.",
        };
        document.Components.SecuritySchemes[QueryScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Query, Name = ApiKeyCheck.QueryName,
            Description = "The API key in the query string.",
        };
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<DocumentedRequestBody>().FirstOrDefault() is { } body && context.Document is { } document)
        {
            // A named component, as Accepts<T> would document it (the routes check the content type themselves).
            document.AddComponent<IOpenApiSchema>(body.Type.Name, await context.GetOrCreateSchemaAsync(body.Type, null, cancellationToken).ConfigureAwait(false));
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = new OpenApiSchemaReference(body.Type.Name, document) },
                },
            };
        }

        foreach (var example in metadata.OfType<DocumentedExample>())
        {
            if (operation.Responses?.TryGetValue(example.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture), out var found) == true
                && found is OpenApiResponse response)
            {
                response.Content ??= new Dictionary<string, OpenApiMediaType>();
                if (!response.Content.TryGetValue(example.ContentType, out var media))
                {
                    media = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
                    response.Content[example.ContentType] = media;
                }

                media.Example = example.ContentType.EndsWith("json", StringComparison.Ordinal)
                    ? System.Text.Json.Nodes.JsonNode.Parse(example.Example)
                    : System.Text.Json.Nodes.JsonValue.Create(example.Example);
            }
        }

        if (metadata.OfType<DocumentedPreferWait>().Any())
        {
            DocumentPreferWait(operation);
        }

        if (metadata.OfType<ApiKeyRequirement>().Any())
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(HeaderScheme, context.Document)] = [] });
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(QueryScheme, context.Document)] = [] });
        }
        else
        {
            // Said outright: this route takes no API key (health; webhooks, whose URL carries a per-job secret).
            operation.Security = [];
        }
    }

    /// <summary>The <c>Prefer</c> header of a start route, and the <c>Preference-Applied</c> header of its answers.</summary>
    private static void DocumentPreferWait(OpenApiOperation operation)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = PreferWait.Header,
            In = ParameterLocation.Header,
            Description = $"`wait` (60 s) or `wait=N` (1–{PreferWait.MaxSeconds} s): answer with the finished state when it ends within N s "
                + "(201, or 200 when the idempotency key named an existing one), else the usual 202. A `wait` outside 1–60 is a 400; "
                + "other preferences are ignored. Hanging up ends the wait, never the job.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            Example = System.Text.Json.Nodes.JsonValue.Create("wait=10"),
        });
        // An existing instance answers 200: its accepted body, or with a wait its finished state (the 201's schema).
        if (operation.Responses is { } responses && responses.TryGetValue("200", out var existing) && responses.TryGetValue("201", out var finished)
            && existing.Content?.TryGetValue("application/json", out var accepted) == true && accepted.Schema is { } acceptedSchema
            && finished.Content?.TryGetValue("application/json", out var final) == true && final.Schema is { } finalSchema)
        {
            accepted.Schema = new OpenApiSchema { OneOf = [acceptedSchema, finalSchema] };
        }

        foreach (var (code, response) in operation.Responses ?? [])
        {
            if (code is "200" or "201" or "202" && response is OpenApiResponse answer)
            {
                answer.Headers ??= new Dictionary<string, IOpenApiHeader>();
                answer.Headers[PreferWait.AppliedHeader] = new OpenApiHeader
                {
                    Description = "Present when the request asked `Prefer: wait`: the wait applied, in seconds.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                    Example = System.Text.Json.Nodes.JsonValue.Create("wait=10"),
                };
            }
        }
    }
}
