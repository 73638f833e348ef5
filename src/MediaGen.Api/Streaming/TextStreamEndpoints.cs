using System.Net.ServerSentEvents;
using MediaGen.Core.Telemetry;
using Microsoft.AspNetCore.Http.Json;

namespace MediaGen.Api.Streaming;

/// <summary>
/// <c>POST /api/text/stream</c>: Cosmic text generation passed through as server-sent events. Not durable:
/// nothing is stored and no orchestration runs. The request is validated (its <c>media_url</c> as job media is) and its
/// estimate reserved from the caller's budgets (<see cref="TextStreamSpending"/>; 402 when it does not fit) before Cosmic
/// is called; a refusal before the first fragment is a ProblemDetails, a failure after it an <c>error</c> event that ends
/// the stream. The reservation is settled when the stream ends, as a job's is.
/// </summary>
public static partial class TextStreamEndpoints
{
    /// <summary>Maps the route onto <paramref name="api"/>.</summary>
    public static RouteGroupBuilder MapTextStream(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/text/stream", StreamAsync)
            .WithName("StreamText")
            .WithTags("Text")
            .WithSummary("Stream Cosmic text generation as server-sent events")
            .WithDescription("Events: `text` ({\"text\"}), `usage` ({\"inputTokens\",\"outputTokens\"}), then `end` — or `error` ({\"message\",\"errorType\"}) which ends the stream. Not durable.")
            .WithMetadata(new DocumentedRequestBody(typeof(TextStreamRequest)))
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status402PaymentRequired)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status502BadGateway);
        return api;
    }

    /// <summary><c>POST /api/text/stream</c>: validates, reserves the estimate, then streams Cosmic text as server-sent events.</summary>
    public static async Task<IResult> StreamAsync(
        HttpContext httpContext,
        RequestBody body,
        IRequestValidator<CosmicTextRequest> validator,
        TextStreamSpending spending,
        CosmicClient cosmic,
        IOptions<JsonOptions> json,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        CosmicTextRequest request;
        try
        {
            request = TextStreamRequestReader.Read(await body.ReadJsonAsync(httpContext.Request, cancellationToken), validator);
            RequestValidationException.ThrowIfAny(spending.UrlProblems(request));
        }
        catch (RequestValidationException ex)
        {
            return ProblemResults.Invalid(ex.Errors);
        }

        TextStreamHold hold;
        try
        {
            hold = await spending.ReserveAsync(request, CallerIdentity.Of(httpContext), cancellationToken);
        }
        catch (BudgetExceededException ex)
        {
            return ProblemResults.BudgetExceeded(ex);
        }

        var enumerator = cosmic.StreamTextAsync(request, cancellationToken).GetAsyncEnumerator(cancellationToken);
        bool any;
        try
        {
            any = await enumerator.MoveNextAsync();
        }
        catch (Exception ex)
        {
            // Cosmic refused before its first event (nothing bought), or the call never completed: release or hold to the estimate.
            await spending.SettleAsync(hold, null, mayHaveBought: ex is not ProviderException);
            await enumerator.DisposeAsync();
            if (ex is not ProviderException provider)
            {
                throw;
            }

            MediaGenTelemetry.RecordProviderError(JobRequestReader.ProviderText(provider.Provider), ProviderProblems.ProviderErrorText(provider.ErrorType));
            return ProviderProblems.From(provider, httpContext);
        }

        // The events go out through ASP.NET Core's own SSE result (SseFormatter; text/event-stream, no caching, no
        // response buffering), one flushed event at a time. X-Accel-Buffering asks a reverse proxy not to buffer either.
        httpContext.Response.Headers["X-Accel-Buffering"] = "no";
        var logger = loggers.CreateLogger(typeof(TextStreamEndpoints));
        return TypedResults.ServerSentEvents(EventsAsync(enumerator, any, spending, hold, json.Value.SerializerOptions, logger));
    }

    /// <summary>
    /// The stream's events, each data field serialized with the API's JSON options, ending after <c>end</c> or <c>error</c>;
    /// a provider failure after the first event becomes an <c>error</c> event. The reservation is settled when the
    /// enumeration ends, also when the client goes away.
    /// </summary>
    private static async IAsyncEnumerable<SseItem<string>> EventsAsync(
        IAsyncEnumerator<CosmicTextStreamEvent> events, bool hasCurrent, TextStreamSpending spending, TextStreamHold hold, JsonSerializerOptions json, ILogger logger)
    {
        CosmicUsage? usage = null;
        try
        {
            await using (events)
            {
                for (var more = hasCurrent; more;)
                {
                    var e = events.Current;
                    usage = e.Usage ?? usage;
                    yield return ToItem(e, json);
                    if (e.Kind is CosmicTextStreamEventKind.End or CosmicTextStreamEventKind.Error)
                    {
                        yield break;
                    }

                    ProviderException? broke = null;
                    try
                    {
                        more = await events.MoveNextAsync();
                    }
                    catch (ProviderException ex)
                    {
                        broke = ex;
                        more = false;
                    }

                    if (broke is not null)
                    {
                        LogBrokenStream(logger, broke.ErrorType);
                        MediaGenTelemetry.RecordProviderError(JobRequestReader.ProviderText(broke.Provider), ProviderProblems.ProviderErrorText(broke.ErrorType));
                        yield return Item("error", new TextStreamError(broke.ProviderMessage ?? broke.Message, ProviderProblems.ProviderErrorText(broke.ErrorType)), json);
                    }
                }
            }
        }
        finally
        {
            // Cosmic answered, so the generation may have been bought even without a usage report.
            await spending.SettleAsync(hold, usage, mayHaveBought: true);
        }
    }

    private static SseItem<string> ToItem(CosmicTextStreamEvent e, JsonSerializerOptions json) => e.Kind switch
    {
        CosmicTextStreamEventKind.Text => Item("text", new TextStreamFragment(e.Text ?? ""), json),
        CosmicTextStreamEventKind.Usage => Item("usage", e.Usage, json),
        CosmicTextStreamEventKind.Error => Item("error", new TextStreamError(e.Error ?? "The provider reported an error.", "provider_error"), json),
        _ => Item("end", new TextStreamEnd(), json),
    };

    private static SseItem<string> Item<T>(string name, T data, JsonSerializerOptions json) => new(JsonSerializer.Serialize(data, json), name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cosmic text stream broke off ({ErrorType}); an error event ends it")]
    private static partial void LogBrokenStream(ILogger logger, ProviderErrorType errorType);
}
