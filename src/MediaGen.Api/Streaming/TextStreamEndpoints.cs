using System.Text.Json;
using MediaGen.Core.Jobs;
using MediaGen.Core.Providers;
using MediaGen.Core.Providers.Cosmic;
using MediaGen.Core.Providers.Validation;
using MediaGen.Core.Telemetry;
using MediaGen.Workflows.Budgets;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

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

        return new ServerSentEvents(enumerator, any, spending, hold, json.Value.SerializerOptions, loggers.CreateLogger(typeof(TextStreamEndpoints)));
    }

    /// <summary>Writes the events of an already started enumeration, then settles the stream's reservation.</summary>
    private sealed partial class ServerSentEvents(
        IAsyncEnumerator<CosmicTextStreamEvent> events, bool hasCurrent, TextStreamSpending spending, TextStreamHold hold, JsonSerializerOptions json, ILogger logger) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            var cancellationToken = httpContext.RequestAborted;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "text/event-stream";
            response.Headers.CacheControl = "no-cache";
            response.Headers["X-Accel-Buffering"] = "no";
            CosmicUsage? usage = null;
            await using (events)
            {
                try
                {
                    for (var more = hasCurrent; more; more = await events.MoveNextAsync())
                    {
                        var e = events.Current;
                        usage = e.Usage ?? usage;
                        await WriteAsync(response, e, cancellationToken);
                        if (e.Kind is CosmicTextStreamEventKind.End or CosmicTextStreamEventKind.Error)
                        {
                            return;
                        }
                    }
                }
                catch (ProviderException ex)
                {
                    LogBrokenStream(logger, ex.ErrorType);
                    MediaGenTelemetry.RecordProviderError(JobRequestReader.ProviderText(ex.Provider), ProviderProblems.ProviderErrorText(ex.ErrorType));
                    await WriteEventAsync(response, "error", new TextStreamError(ex.ProviderMessage ?? ex.Message, ProviderProblems.ProviderErrorText(ex.ErrorType)), cancellationToken);
                }
                finally
                {
                    // Cosmic answered, so the generation may have been bought even without a usage report.
                    await spending.SettleAsync(hold, usage, mayHaveBought: true);
                }
            }
        }

        private Task WriteAsync(HttpResponse response, CosmicTextStreamEvent e, CancellationToken cancellationToken) => e.Kind switch
        {
            CosmicTextStreamEventKind.Text => WriteEventAsync(response, "text", new TextStreamFragment(e.Text ?? ""), cancellationToken),
            CosmicTextStreamEventKind.Usage => WriteEventAsync(response, "usage", e.Usage, cancellationToken),
            CosmicTextStreamEventKind.Error => WriteEventAsync(response, "error", new TextStreamError(e.Error ?? "The provider reported an error.", "provider_error"), cancellationToken),
            _ => WriteEventAsync(response, "end", new TextStreamEnd(), cancellationToken),
        };

        private async Task WriteEventAsync<T>(HttpResponse response, string name, T data, CancellationToken cancellationToken)
        {
            await response.WriteAsync($"event: {name}\ndata: {JsonSerializer.Serialize(data, json)}\n\n", cancellationToken);
            await response.Body.FlushAsync(cancellationToken);
        }

        [LoggerMessage(Level = LogLevel.Warning, Message = "Cosmic text stream broke off ({ErrorType}); an error event ends it")]
        private static partial void LogBrokenStream(ILogger logger, ProviderErrorType errorType);
    }
}
